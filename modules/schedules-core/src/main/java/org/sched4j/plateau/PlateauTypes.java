package org.sched4j.plateau;

import java.util.List;
import org.sched4j.schedule.ScheduleType;

/** The native plateau types registered for specs. */
public final class PlateauTypes {
    /** Every native plateau type. */
    public static final List<ScheduleType> TYPES = List.of(new ReduceOnPlateau());

    private PlateauTypes() {
    }
}
