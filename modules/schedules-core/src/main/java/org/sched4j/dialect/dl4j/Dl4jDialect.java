package org.sched4j.dialect.dl4j;

import java.util.List;
import org.sched4j.schedule.ScheduleType;

/** The {@code dl4j.*} types registered for specs. */
public final class Dl4jDialect {
    /** Every type of this group, in the order they are listed. */
    public static final List<ScheduleType> TYPES = List.of();

    private Dl4jDialect() {
    }
}
