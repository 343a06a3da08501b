package org.sched4j.dialect.keras;

import java.util.List;
import org.sched4j.schedule.ScheduleType;

/** The {@code keras.*} types registered for specs. */
public final class KerasDialect {
    /** Every type of this group, in the order they are listed. */
    public static final List<ScheduleType> TYPES = List.of(new KerasSchedules.ExponentialDecay(),
            new KerasSchedules.PiecewiseConstantDecay(), new KerasSchedules.PolynomialDecay(),
            new KerasSchedules.InverseTimeDecay(), new KerasSchedules.CosineDecay(),
            new KerasSchedules.CosineDecayRestarts());

    private KerasDialect() {
    }
}
