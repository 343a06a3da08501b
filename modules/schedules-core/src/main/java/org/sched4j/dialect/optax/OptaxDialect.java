package org.sched4j.dialect.optax;

import java.util.List;
import org.sched4j.schedule.ScheduleType;

/** The {@code optax.*} types registered for specs. */
public final class OptaxDialect {
    /** Every type of this group, in the order they are listed. */
    public static final List<ScheduleType> TYPES = List.of();

    private OptaxDialect() {
    }
}
