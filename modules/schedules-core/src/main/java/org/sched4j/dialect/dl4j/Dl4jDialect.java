package org.sched4j.dialect.dl4j;

import java.util.List;
import org.sched4j.schedule.ScheduleType;

/** The {@code dl4j.*} types registered for specs: the nine built-ins of {@code org.nd4j.linalg.schedule}. */
public final class Dl4jDialect {
    /** Every type of this group, in the order they are listed. */
    public static final List<ScheduleType> TYPES = List.of(new Dl4jClosedForms.Exponential(),
            new Dl4jClosedForms.Step(), new Dl4jClosedForms.Inverse(), new Dl4jClosedForms.Poly(),
            new Dl4jClosedForms.Sigmoid(), new Dl4jMap(), new Dl4jCycle(), new Dl4jRamp(),
            new Dl4jClosedForms.Fixed());

    private Dl4jDialect() {
    }
}
