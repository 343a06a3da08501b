package org.sched4j.dl4j;

import java.util.List;
import org.sched4j.catalog.Schedules;
import org.sched4j.schedule.Schedule;

/**
 * A linear warmup in front of any schedule, as one sched4j spec ({@code sequential} of
 * {@code linear_warmup} and the schedule), so it survives DL4J configuration JSON and checkpoints, unlike
 * DL4J's {@code RampSchedule}, which has no JSON creator.
 */
public final class Warmup {
    private Warmup() {
    }

    /**
     * From 0 up to {@code then}'s first value over {@code steps} steps, then {@code then} from its own step 0.
     *
     * @throws org.sched4j.spec.SpecException if {@code steps < 1} or {@code then} cannot be nested
     */
    public static Schedule linear(long steps, Schedule then) {
        return linear(0.0, steps, then);
    }

    /** As {@link #linear(long, Schedule)}, starting the ramp at {@code start}. */
    public static Schedule linear(double start, long steps, Schedule then) {
        if (then.observesMetrics()) {
            throw new IllegalArgumentException("then: " + then.type().name() + " depends on observed metrics and "
                    + "cannot follow a warmup");
        }
        return Schedules.sequential(List.of(Schedules.linearWarmup(start, then.value(0), steps), then), steps);
    }
}
