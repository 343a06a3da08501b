package org.sched4j.compose;

import java.util.List;
import org.sched4j.schedule.ScheduleType;

/** The composition types registered for specs: joins, products, bounds and shifts of child schedules. */
public final class Composition {
    /** Every type of this group, in the order they are listed. */
    public static final List<ScheduleType> TYPES = List.of(new Product(), new Minimum(), new Maximum(), new Clamp(),
            new Scale(), new Delay());

    private Composition() {
    }
}
