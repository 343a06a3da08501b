package org.sched4j.dl4j;

import java.lang.reflect.Method;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Reads the learning-rate schedule of an updater configuration. {@code IUpdater} has no getter for it; each
 * DL4J updater with a learning rate ({@code Sgd}, {@code Adam}, {@code Nesterovs}, ...) has a public
 * {@code getLearningRateSchedule()}.
 */
final class UpdaterSchedules {
    private UpdaterSchedules() {
    }

    /** The schedule, or null when the updater has a fixed rate or none. */
    static ISchedule learningRate(IUpdater u) {
        if (u == null || !u.hasLearningRate()) {
            return null;
        }
        try {
            Method m = u.getClass().getMethod("getLearningRateSchedule");
            return m.invoke(u) instanceof ISchedule s ? s : null;
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the learning-rate schedule of " + u, e);
        }
    }
}
