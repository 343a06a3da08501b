package org.sched4j.schedule;

import org.nd4j.linalg.schedule.ScheduleType;

/** Which counter a schedule's step is: DL4J's iteration or epoch (ND4J's {@code ScheduleType}). */
public enum Unit {
    /** The step is the iteration (minibatch) count. */
    ITERATION,
    /** The step is the epoch count. */
    EPOCH;

    /** The spec spelling: {@code iteration} or {@code epoch}. */
    public String specName() {
        return name().toLowerCase();
    }

    /** ND4J's equivalent. */
    public ScheduleType toNd4j() {
        return this == ITERATION ? ScheduleType.ITERATION : ScheduleType.EPOCH;
    }
}
