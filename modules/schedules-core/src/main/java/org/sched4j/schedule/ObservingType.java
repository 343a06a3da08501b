package org.sched4j.schedule;

import org.sched4j.spec.Args;

/**
 * A schedule type whose value depends on metrics observed during training, not on the step alone (a
 * plateau schedule). Its state is part of its arguments, so it is written and read back with the spec;
 * only the scalar evaluator can run it.
 */
public interface ObservingType extends ScheduleType {
    /** The arguments after observing {@code metric} (a finite number) at the end of one step or epoch. */
    Args observe(Args args, double metric);
}
