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

    /** {@code ConstantLR(optimizer(lr), factor, total_iters)}. */
    public static Schedule constantLR(double lr, double factor, long totalIters) {
        return new ScheduleBuilder("torch.ConstantLR").set("lr", lr).set("factor", factor)
                .set("total_iters", totalIters).build();
    }

    /** {@code PolynomialLR(optimizer(lr), total_iters, power)}. */
    public static Schedule polynomialLR(double lr, long totalIters, double power) {
        return new ScheduleBuilder("torch.PolynomialLR").set("lr", lr).set("total_iters", totalIters)
                .set("power", power).build();
    }

    /** {@code CosineAnnealingWarmRestarts(optimizer(lr), T_0, T_mult, eta_min)}. */
    public static Schedule cosineAnnealingWarmRestarts(double lr, long t0, long tMult, double etaMin) {
        return new ScheduleBuilder("torch.CosineAnnealingWarmRestarts").set("lr", lr).set("T_0", t0)
                .set("T_mult", tMult).set("eta_min", etaMin).build();
    }

    /**
     * {@code CyclicLR(optimizer(lr), base_lr, max_lr, step_size_up, step_size_down, mode, gamma,
     * cycle_momentum=False)}: the rate only.
     */
    public static Schedule cyclicLR(double lr, double baseLr, double maxLr, long stepSizeUp, long stepSizeDown,
            String mode, double gamma) {
        return new ScheduleBuilder("torch.CyclicLR").set("lr", lr).set("base_lr", baseLr).set("max_lr", maxLr)
                .set("step_size_up", stepSizeUp).set("step_size_down", stepSizeDown).set("mode", mode)
                .set("gamma", gamma).set("cycle_momentum", false).build();
    }

    /** {@code CyclicLR(...)} cycling momentum between {@code maxMomentum} and {@code baseMomentum} too. */
    public static Schedule cyclicLR(double lr, double baseLr, double maxLr, long stepSizeUp, long stepSizeDown,
            String mode, double gamma, double baseMomentum, double maxMomentum) {
        return new ScheduleBuilder("torch.CyclicLR").set("lr", lr).set("base_lr", baseLr).set("max_lr", maxLr)
                .set("step_size_up", stepSizeUp).set("step_size_down", stepSizeDown).set("mode", mode)
                .set("gamma", gamma).set("cycle_momentum", true).set("base_momentum", baseMomentum)
                .set("max_momentum", maxMomentum).build();
    }

    /** {@code OneCycleLR(optimizer(lr), max_lr, total_steps)} with PyTorch's other defaults. */
    public static Schedule oneCycleLR(double lr, double maxLr, long totalSteps) {
        return new ScheduleBuilder("torch.OneCycleLR").set("lr", lr).set("max_lr", maxLr)
                .set("total_steps", totalSteps).build();
    }

    /** {@code OneCycleLR(optimizer(lr), max_lr, total_steps, pct_start, anneal_strategy, ..., three_phase)}. */
    public static Schedule oneCycleLR(double lr, double maxLr, long totalSteps, double pctStart,
            String annealStrategy, double divFactor, double finalDivFactor, boolean threePhase) {
        return new ScheduleBuilder("torch.OneCycleLR").set("lr", lr).set("max_lr", maxLr)
                .set("total_steps", totalSteps).set("pct_start", pctStart).set("anneal_strategy", annealStrategy)
                .set("div_factor", divFactor).set("final_div_factor", finalDivFactor).set("three_phase", threePhase)
                .build();
    }
}
