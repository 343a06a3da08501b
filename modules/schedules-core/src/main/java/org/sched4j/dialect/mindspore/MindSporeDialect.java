package org.sched4j.dialect.mindspore;

import java.util.List;
import org.sched4j.schedule.ScheduleType;

/** The {@code mindspore.*} types registered for specs. */
public final class MindSporeDialect {
    /** Every type of this group, in the order they are listed. */
    public static final List<ScheduleType> TYPES = List.of();

    private MindSporeDialect() {
    }
}
