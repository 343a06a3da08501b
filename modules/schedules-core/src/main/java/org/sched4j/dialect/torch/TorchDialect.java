package org.sched4j.dialect.torch;

import java.util.List;
import org.sched4j.schedule.ScheduleType;

/** The {@code torch.*} types registered for specs. */
public final class TorchDialect {
    /** Every torch type. */
    public static final List<ScheduleType> TYPES = List.of(new TorchSchedulers.StepLR(),
            new TorchSchedulers.MultiStepLR(), new TorchSchedulers.ExponentialLR(),
            new TorchSchedulers.CosineAnnealingLR(), new TorchSchedulers.LinearLR(),
            new TorchSchedulers.SequentialLR(), new TorchSchedulers.ConstantLR(), new TorchSchedulers.PolynomialLR(),
            new TorchCyclicSchedulers.CosineAnnealingWarmRestarts(), new TorchCyclicSchedulers.CyclicLR(),
            new TorchCyclicSchedulers.OneCycleLR(),
            new TorchLambdaSchedulers.LambdaLR(), new TorchLambdaSchedulers.MultiplicativeLR(),
            new TorchLambdaSchedulers.ChainedScheduler(), new TorchReduceLROnPlateau());

    private TorchDialect() {
    }
}
