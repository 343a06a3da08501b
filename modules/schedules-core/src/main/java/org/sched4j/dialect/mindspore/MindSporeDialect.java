package org.sched4j.dialect.mindspore;

import java.util.List;
import org.sched4j.schedule.ScheduleType;

/** The {@code mindspore.*} types registered for specs. */
public final class MindSporeDialect {
    /** Every type of this group, in the order they are listed: the graph cells, then the list functions. */
    public static final List<ScheduleType> TYPES = List.of(new MindSporeCells.ExponentialDecayLR(),
            new MindSporeCells.NaturalExpDecayLR(), new MindSporeCells.InverseDecayLR(),
            new MindSporeCells.CosineDecayLR(), new MindSporeCells.PolynomialDecayLR(),
            new MindSporeCells.WarmUpLR(), new DynamicLrFunctions.PiecewiseConstantLr(),
            new DynamicLrFunctions.ExponentialDecayLr(), new DynamicLrFunctions.NaturalExpDecayLr(),
            new DynamicLrFunctions.InverseDecayLr(), new DynamicLrFunctions.CosineDecayLr(),
            new DynamicLrFunctions.PolynomialDecayLr(), new DynamicLrFunctions.WarmupLr());

    private MindSporeDialect() {
    }
}
