package org.sched4j.dialect.torch;

import java.util.List;
import org.sched4j.schedule.Schedule;
import org.sched4j.schedule.ScheduleBuilder;

/**
 * Java factories for the {@code torch.*} dialect, with PyTorch's argument names and defaults: a recipe
 * ported from {@code torch.optim.lr_scheduler} gives PyTorch's numbers. {@code lr} is the optimizer's base
 * learning rate; the step is the number of {@code scheduler.step()} calls made so far.
 */
public final class Torch {
    private Torch() {
    }

    /** {@code StepLR(optimizer(lr), step_size, gamma)}. */
    public static Schedule stepLR(double lr, long stepSize, double gamma) {
        return new ScheduleBuilder("torch.StepLR").set("lr", lr).set("step_size", stepSize).set("gamma", gamma)
                .build();
    }

    /** {@code MultiStepLR(optimizer(lr), milestones, gamma)}. */
    public static Schedule multiStepLR(double lr, double gamma, long... milestones) {
        return new ScheduleBuilder("torch.MultiStepLR").set("lr", lr).set("milestones", milestones)
                .set("gamma", gamma).build();
    }

    /** {@code ExponentialLR(optimizer(lr), gamma)}. */
    public static Schedule exponentialLR(double lr, double gamma) {
        return new ScheduleBuilder("torch.ExponentialLR").set("lr", lr).set("gamma", gamma).build();
    }

    /** {@code CosineAnnealingLR(optimizer(lr), T_max, eta_min)}: periodic beyond T_max, as in PyTorch. */
    public static Schedule cosineAnnealingLR(double lr, long tMax, double etaMin) {
        return new ScheduleBuilder("torch.CosineAnnealingLR").set("lr", lr).set("T_max", tMax)
                .set("eta_min", etaMin).build();
    }

    /** {@code LinearLR(optimizer(lr), start_factor, end_factor, total_iters)}. */
    public static Schedule linearLR(double lr, double startFactor, double endFactor, long totalIters) {
        return new ScheduleBuilder("torch.LinearLR").set("lr", lr).set("start_factor", startFactor)
                .set("end_factor", endFactor).set("total_iters", totalIters).build();
    }

    /** {@code SequentialLR(optimizer(lr), schedulers, milestones)}; the children must use the same lr. */
    public static Schedule sequentialLR(double lr, List<Schedule> schedulers, long... milestones) {
        return new ScheduleBuilder("torch.SequentialLR").set("lr", lr).set("schedulers", schedulers)
                .set("milestones", milestones).build();
    }

    /** {@code LambdaLR(optimizer(lr), lr_lambda)}, the lambda's body written with {@code step} as its argument. */
    public static Schedule lambdaLR(double lr, String lrLambda) {
        return new ScheduleBuilder("torch.LambdaLR").set("lr", lr).set("lr_lambda", lrLambda).build();
    }

    /** {@code MultiplicativeLR(optimizer(lr), lr_lambda)} for a constant factor, e.g. {@code "0.95"}. */
    public static Schedule multiplicativeLR(double lr, String lrLambda) {
        return new ScheduleBuilder("torch.MultiplicativeLR").set("lr", lr).set("lr_lambda", lrLambda).build();
    }

    /** {@code ChainedScheduler(schedulers)}: the children's factors multiply; they must use the same lr. */
    public static Schedule chainedScheduler(double lr, List<Schedule> schedulers) {
        return new ScheduleBuilder("torch.ChainedScheduler").set("lr", lr).set("schedulers", schedulers).build();
    }
}
