package org.sched4j.samediff.optim;

import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * An optimizer whose whole step, scheduled learning rate included, is SameDiff ops on the global step: the
 * same arithmetic as DL4J's host updater (its native {@code sgd_updater}, {@code nesterovs_updater},
 * {@code adam_updater}), so a training loop on the GPU keeps the learning rate on the device.
 */
public sealed interface GraphUpdater permits GraphSgd, GraphNesterovs, GraphAdam {
    /**
     * The in-graph form of a DL4J updater configuration: {@link Sgd}, {@link Nesterovs} or {@link Adam}, with
     * a fixed learning rate (and momentum) or a sched4j {@link org.sched4j.schedule.Schedule}.
     *
     * @throws IllegalArgumentException for another updater, or a schedule that cannot run in a graph
     */
    static GraphUpdater of(IUpdater updater) {
        if (updater instanceof Adam a) {
            return new GraphAdam(UpdateBuilder.schedule(a.getLearningRateSchedule(), a.getLearningRate(),
                    "learningRateSchedule"), a.getBeta1(), a.getBeta2(), a.getEpsilon());
        }
        if (updater instanceof Nesterovs n) {
            if (n.getMomentumSchedule() != null && !n.getMomentumSchedule().isEmpty()) {
                throw new IllegalArgumentException("momentumSchedule: a Map schedule cannot run in the graph; use "
                        + "a sched4j Schedule as the momentum ISchedule");
            }
            return new GraphNesterovs(UpdateBuilder.schedule(n.getLearningRateSchedule(), n.getLearningRate(),
                    "learningRateSchedule"), UpdateBuilder.schedule(n.getMomentumISchedule(), n.getMomentum(),
                    "momentumISchedule"));
        }
        if (updater instanceof Sgd s) {
            return new GraphSgd(UpdateBuilder.schedule(s.getLearningRateSchedule(), s.getLearningRate(),
                    "learningRateSchedule"));
        }
        throw new IllegalArgumentException("updater: Sgd, Nesterovs or Adam can run in the graph (got "
                + (updater == null ? "null" : updater.getClass().getSimpleName()) + ")");
    }

    /**
     * Adds to {@code sd} the ops of one update at {@code step}: for each parameter (a variable of the graph)
     * and its gradient, the parameter's new value, and the new values of the optimizer state this creates
     * (zero-initialized variables {@code <param>/<optimizer>/<slot>}).
     *
     * @param step the INT64 (or INT32) scalar iteration count, usually {@code GlobalStep.variable()}
     * @param gradients each parameter and its gradient (same shape and type), in a stable order
     */
    GraphUpdate apply(SameDiff sd, SDVariable step, Map<SDVariable, SDVariable> gradients);
}
