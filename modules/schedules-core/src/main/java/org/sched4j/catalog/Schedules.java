package org.sched4j.catalog;

import java.util.List;
import org.sched4j.schedule.Schedule;
import org.sched4j.schedule.ScheduleBuilder;

/**
 * Java factories for the native schedule types. Each builds the same spec a JSON user would write and
 * validates it the same way, so a bad argument fails with the spec key's name.
 */
public final class Schedules {
    private Schedules() {
    }

    /** The same value at every step. */
    public static Schedule constant(double value) {
        return new ScheduleBuilder("constant").set("value", value).build();
    }

    /** {@code initial * gamma^floor(step / stepSize)}. */
    public static Schedule step(double initial, long stepSize, double gamma) {
        return new ScheduleBuilder("step").set("initial", initial).set("step_size", stepSize).set("gamma", gamma)
                .build();
    }

    /** {@code initial * gamma^(milestones <= step)}. */
    public static Schedule multiStep(double initial, double gamma, long... milestones) {
        return new ScheduleBuilder("multistep").set("initial", initial).set("milestones", milestones)
                .set("gamma", gamma).build();
    }

    /** {@code values[i]} from {@code boundaries[i-1]} on. */
    public static Schedule piecewise(long[] boundaries, double[] values) {
        return new ScheduleBuilder("piecewise").set("boundaries", boundaries).set("values", values).build();
    }

    /** {@code initial * decayRate^(step / decaySteps)}, floored when {@code staircase}. */
    public static Schedule exponential(double initial, double decayRate, long decaySteps, boolean staircase) {
        return new ScheduleBuilder("exponential").set("initial", initial).set("decay_rate", decayRate)
                .set("decay_steps", decaySteps).set("staircase", staircase).build();
    }

    /** Half cosine from {@code initial} to {@code fin} over {@code decaySteps}, then held at {@code fin}. */
    public static Schedule cosine(double initial, double fin, long decaySteps) {
        return new ScheduleBuilder("cosine").set("initial", initial).set("final", fin)
                .set("decay_steps", decaySteps).build();
    }

    /** PyTorch's periodic cosine: down over {@code halfPeriod} steps, back up over the next. */
    public static Schedule periodicCosine(double initial, double fin, long halfPeriod) {
        return new ScheduleBuilder("cosine").set("initial", initial).set("final", fin)
                .set("decay_steps", halfPeriod).set("periodic", true).build();
    }

    /** {@code (initial - fin) * (1 - min(step, D) / D)^power + fin}. */
    public static Schedule polynomial(double initial, double fin, long decaySteps, double power) {
        return new ScheduleBuilder("polynomial").set("initial", initial).set("final", fin)
                .set("decay_steps", decaySteps).set("power", power).build();
    }

    /** Linear from {@code start} to {@code peak} over {@code warmupSteps}, then held at {@code peak}. */
    public static Schedule linearWarmup(double start, double peak, long warmupSteps) {
        return new ScheduleBuilder("linear_warmup").set("start", start).set("peak", peak)
                .set("warmup_steps", warmupSteps).build();
    }

    /** Child {@code i} from {@code boundaries[i-1]} on, each restarted at its local step 0. */
    public static Schedule sequential(List<Schedule> schedules, long... boundaries) {
        return new ScheduleBuilder("sequential").set("schedules", schedules).set("boundaries", boundaries).build();
    }

    /** An expression of {@code step} in the language of docs/SPEC.md, e.g. {@code "0.1 * 0.5 ** (step // 100)"}. */
    public static Schedule expression(String expr) {
        return new ScheduleBuilder("expression").set("expr", expr).build();
    }

    /** An expression of {@code step} and {@code epoch = step // stepsPerEpoch}. */
    public static Schedule expression(String expr, long stepsPerEpoch) {
        return new ScheduleBuilder("expression").set("expr", expr).set("steps_per_epoch", stepsPerEpoch).build();
    }

    /** The common recipe: linear warmup from 0 to {@code peak}, then cosine decay to {@code fin}. */
    public static Schedule warmupCosine(double peak, long warmupSteps, long decaySteps, double fin) {
        return sequential(List.of(linearWarmup(0.0, peak, warmupSteps), cosine(peak, fin, decaySteps)), warmupSteps);
    }

    // ---- composition ----

    /** Child {@code i} from {@code boundaries[i-1]} on; each later child continues from the value reached. */
    public static Schedule sequentialContinuing(List<Schedule> schedules, long... boundaries) {
        return new ScheduleBuilder("sequential").set("schedules", schedules).set("boundaries", boundaries)
                .set("mode", "continue").build();
    }

    /** The product of the children at the same step. */
    public static Schedule product(Schedule... schedules) {
        return new ScheduleBuilder("product").set("schedules", List.of(schedules)).build();
    }

    /** The smallest of the children at the same step. */
    public static Schedule min(Schedule... schedules) {
        return new ScheduleBuilder("min").set("schedules", List.of(schedules)).build();
    }

    /** The largest of the children at the same step. */
    public static Schedule max(Schedule... schedules) {
        return new ScheduleBuilder("max").set("schedules", List.of(schedules)).build();
    }

    /** The child kept within {@code [min, max]}. */
    public static Schedule clamp(Schedule schedule, double min, double max) {
        return new ScheduleBuilder("clamp").set("schedule", schedule).set("min", min).set("max", max).build();
    }

    /** {@code factor} times the child. */
    public static Schedule scale(Schedule schedule, double factor) {
        return new ScheduleBuilder("scale").set("schedule", schedule).set("factor", factor).build();
    }

    /** The child started {@code steps} later, holding its step-0 value until then. */
    public static Schedule delay(Schedule schedule, long steps) {
        return new ScheduleBuilder("delay").set("schedule", schedule).set("steps", steps).build();
    }

    /** The child started {@code steps} later, {@code before} until then. */
    public static Schedule delay(Schedule schedule, long steps, double before) {
        return new ScheduleBuilder("delay").set("schedule", schedule).set("steps", steps).set("before", before)
                .build();
    }

    // ---- shapes ----

    /** {@code initial * exp(-decayRate * step / decaySteps)}, the exponent floored when {@code staircase}. */
    public static Schedule naturalExp(double initial, double decayRate, long decaySteps, boolean staircase) {
        return new ScheduleBuilder("natural_exp").set("initial", initial).set("decay_rate", decayRate)
                .set("decay_steps", decaySteps).set("staircase", staircase).build();
    }

    /** {@code initial / (1 + decayRate * step / decaySteps)}, the ratio floored when {@code staircase}. */
    public static Schedule inverseTime(double initial, double decayRate, long decaySteps, boolean staircase) {
        return new ScheduleBuilder("inverse_time").set("initial", initial).set("decay_rate", decayRate)
                .set("decay_steps", decaySteps).set("staircase", staircase).build();
    }

    /** From {@code start} to {@code end} linearly over {@code steps}, then {@code end}. */
    public static Schedule linear(double start, double end, long steps) {
        return new ScheduleBuilder("linear").set("start", start).set("end", end).set("steps", steps).build();
    }

    /** {@code value * factor} for {@code begin <= step < end}, {@code value} elsewhere. */
    public static Schedule constantFactor(double value, double factor, long begin, long end) {
        return new ScheduleBuilder("constant_factor").set("value", value).set("factor", factor).set("begin", begin)
                .set("end", end).build();
    }

    /** Keras' cycling polynomial decay: the horizon stretches to the next multiple of {@code decaySteps}. */
    public static Schedule polynomialCycle(double initial, double fin, long decaySteps, double power) {
        return new ScheduleBuilder("polynomial").set("initial", initial).set("final", fin)
                .set("decay_steps", decaySteps).set("power", power).set("cycle", true).build();
    }

    /** Optax's cosine: {@code fin + (initial - fin) * ((1 + cos) / 2)^exponent}, held after {@code decaySteps}. */
    public static Schedule cosine(double initial, double fin, long decaySteps, double exponent) {
        return new ScheduleBuilder("cosine").set("initial", initial).set("final", fin)
                .set("decay_steps", decaySteps).set("exponent", exponent).build();
    }

    /** SGDR: cycles of {@code firstCycleSteps * cycleMult^i} steps, peaks {@code peakDecay^i} of the first. */
    public static Schedule cosineRestarts(double initial, double fin, long firstCycleSteps, double cycleMult,
            double peakDecay) {
        return new ScheduleBuilder("cosine_restarts").set("initial", initial).set("final", fin)
                .set("first_cycle_steps", firstCycleSteps).set("cycle_mult", cycleMult).set("peak_decay", peakDecay)
                .build();
    }

    /** PyTorch CyclicLR's triangle ({@code mode} triangular, triangular2 or exp_range), without momentum. */
    public static Schedule cyclic(double base, double peak, long stepSizeUp, long stepSizeDown, String mode,
            double gamma) {
        return new ScheduleBuilder("cyclic").set("base", base).set("peak", peak).set("step_size_up", stepSizeUp)
                .set("step_size_down", stepSizeDown).set("mode", mode).set("gamma", gamma).build();
    }

    /** A cyclic rate with momentum cycling the other way between {@code maxMomentum} and {@code baseMomentum}. */
    public static Schedule cyclic(double base, double peak, long stepSizeUp, long stepSizeDown, String mode,
            double gamma, double baseMomentum, double maxMomentum) {
        return new ScheduleBuilder("cyclic").set("base", base).set("peak", peak).set("step_size_up", stepSizeUp)
                .set("step_size_down", stepSizeDown).set("mode", mode).set("gamma", gamma)
                .set("cycle_momentum", true).set("base_momentum", baseMomentum).set("max_momentum", maxMomentum)
                .build();
    }

    /** PyTorch OneCycleLR with its defaults (cosine, 30% warmup, momentum 0.95 -> 0.85 -> 0.95). */
    public static Schedule oneCycle(double peak, long totalSteps) {
        return new ScheduleBuilder("one_cycle").set("peak", peak).set("total_steps", totalSteps).build();
    }

    /** PyTorch OneCycleLR; {@code anneal} is cos or linear; momentum keeps its defaults. */
    public static Schedule oneCycle(double peak, long totalSteps, double pctStart, String anneal, double divFactor,
            double finalDivFactor, boolean threePhase) {
        return new ScheduleBuilder("one_cycle").set("peak", peak).set("total_steps", totalSteps)
                .set("pct_start", pctStart).set("anneal", anneal).set("div_factor", divFactor)
                .set("final_div_factor", finalDivFactor).set("three_phase", threePhase).build();
    }

    /** A {@code shape} (linear, constant, exponential) warmup before {@code schedule}, which then starts at 0. */
    public static Schedule warmup(Schedule schedule, long warmupSteps, String shape, double startFactor) {
        return new ScheduleBuilder("warmup").set("schedule", schedule).set("warmup_steps", warmupSteps)
                .set("shape", shape).set("start_factor", startFactor).build();
    }

    /** Linear warmup to {@code peak}, held, then a {@code decayShape} (linear, cosine, 1-sqrt) decay to fin. */
    public static Schedule warmupStableDecay(double start, double peak, double fin, long warmupSteps,
            long stableSteps, long decaySteps, String decayShape) {
        return new ScheduleBuilder("warmup_stable_decay").set("start", start).set("peak", peak).set("final", fin)
                .set("warmup_steps", warmupSteps).set("stable_steps", stableSteps).set("decay_steps", decaySteps)
                .set("decay_shape", decayShape).build();
    }

    /** Linear warmup from 0 to {@code peak}, then {@code peak * sqrt(warmupSteps / step)}. */
    public static Schedule inverseSqrt(double peak, long warmupSteps) {
        return new ScheduleBuilder("inverse_sqrt").set("peak", peak).set("warmup_steps", warmupSteps).build();
    }

    /** {@code initial / (1 + exp(-gamma * (step - midpoint)))}. */
    public static Schedule sigmoid(double initial, double gamma, long midpoint) {
        return new ScheduleBuilder("sigmoid").set("initial", initial).set("gamma", gamma).set("midpoint", midpoint)
                .build();
    }
}
