package org.sched4j.dl4j;

import java.util.Objects;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonAutoDetect;
import org.nd4j.shade.jackson.annotation.JsonAutoDetect.Visibility;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.sched4j.schedule.Schedule;
import org.sched4j.schedule.Unit;

/**
 * The momentum that a cyclic or one-cycle {@link Schedule} drives, as an {@link ISchedule} for a
 * {@code Nesterovs} updater's momentum schedule. In DL4J configuration JSON it is
 * {@code {"@class": "org.sched4j.dl4j.MomentumCompanion", "schedule": {"@class": ..., "spec": {...}}}}.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE,
        creatorVisibility = Visibility.NONE)
public final class MomentumCompanion implements ISchedule {
    private static final long serialVersionUID = 1L;

    private final Schedule schedule;

    /**
     * The momentum of {@code schedule}.
     *
     * @throws IllegalArgumentException if the schedule drives no momentum
     */
    @JsonCreator
    public MomentumCompanion(@JsonProperty("schedule") Schedule schedule) {
        Objects.requireNonNull(schedule, "schedule");
        if (!schedule.hasMomentum()) {
            throw new IllegalArgumentException("schedule: " + schedule.type().name() + " drives no momentum");
        }
        this.schedule = schedule;
    }

    /** The learning-rate schedule whose momentum this is. */
    @JsonProperty("schedule")
    public Schedule schedule() {
        return schedule;
    }

    /** The momentum at the iteration, or at the epoch for an epoch schedule (as {@link Schedule#valueAt}). */
    @Override
    public double valueAt(int iteration, int epoch) {
        boolean iterations = schedule.unit() == Unit.ITERATION || schedule.stepsPerEpoch() > 0;
        return schedule.momentum(iterations ? iteration : epoch);
    }

    /** Immutable, so a clone is itself. */
    @Override
    public ISchedule clone() {
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MomentumCompanion m && m.schedule.equals(schedule);
    }

    @Override
    public int hashCode() {
        return 31 * schedule.hashCode() + 7;
    }

    @Override
    public String toString() {
        return "momentum of " + schedule.toJson();
    }
}
