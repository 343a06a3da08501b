package org.sched4j.catalog;

import java.util.List;
import org.sched4j.schedule.ScheduleType;

/** The native schedule types, in the order they are listed. */
public final class Catalog {
    /** Every native type. */
    public static final List<ScheduleType> TYPES = List.of(new Constant(), new StepDecay(), new MultiStepDecay(),
            new PiecewiseConstant(), new ExponentialDecay(), new CosineDecay(), new PolynomialDecay(),
            new LinearWarmup(), new SequentialJoin(), new NaturalExpDecay(), new InverseTimeDecay(), new LinearRamp(),
            new ConstantFactor(), new CosineRestarts(), new Cyclic(), new OneCycle(), new Warmup(),
            new WarmupStableDecay(), new InverseSqrt(), new Sigmoid(), new UserExpression());

    private Catalog() {
    }
}
