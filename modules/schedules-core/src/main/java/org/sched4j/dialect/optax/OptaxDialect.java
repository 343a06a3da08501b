package org.sched4j.dialect.optax;

import java.util.List;
import org.sched4j.schedule.ScheduleType;

/** The {@code optax.*} types registered for specs. */
public final class OptaxDialect {
    /** Every type of this group, in the order they are listed. */
    public static final List<ScheduleType> TYPES = List.of(new PolynomialSchedules.Constant(),
            new PolynomialSchedules.Linear(), new PolynomialSchedules.Polynomial(), new PiecewiseSchedules.Constant(),
            new PiecewiseSchedules.Interpolate(), new DecaySchedules.Exponential(), new DecaySchedules.Cosine(),
            new PiecewiseSchedules.LinearOnecycle(), new PiecewiseSchedules.CosineOnecycle(),
            new PolynomialSchedules.WarmupConstant(), new DecaySchedules.WarmupCosine(),
            new DecaySchedules.WarmupExponential(), new JoinedSchedules.Sgdr(), new JoinedSchedules.Join());

    private OptaxDialect() {
    }
}
