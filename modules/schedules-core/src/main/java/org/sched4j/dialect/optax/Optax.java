package org.sched4j.dialect.optax;

import java.util.List;
import java.util.Map;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.JsonNodeFactory;
import org.nd4j.shade.jackson.databind.node.ObjectNode;
import org.sched4j.schedule.Schedule;
import org.sched4j.schedule.ScheduleBuilder;

/**
 * Java factories for the {@code optax.*} dialect, one per {@code optax.schedules} function with its argument
 * names in camelCase and its defaults in the shorter overloads: a recipe ported from Optax gives Optax's numbers.
 * The step is Optax's step count.
 */
public final class Optax {
    private Optax() {
    }

    /** One cycle of {@link #sgdrSchedule}: the arguments of {@code warmup_cosine_decay_schedule}. */
    public record CosineKwargs(double initValue, double peakValue, long warmupSteps, long decaySteps, double endValue,
            double exponent) {
        /** A cycle with Optax's defaults {@code end_value=0.0, exponent=1.0}. */
        public CosineKwargs(double initValue, double peakValue, long warmupSteps, long decaySteps) {
            this(initValue, peakValue, warmupSteps, decaySteps, 0.0, 1.0);
        }
    }

    private static ScheduleBuilder of(String function) {
        return new ScheduleBuilder("optax." + function);
    }

    private static ObjectNode steps(Map<Long, Double> boundariesAndScales) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        boundariesAndScales.forEach((step, scale) -> o.put(Long.toString(step), scale));
        return o;
    }

    /** {@code constant_schedule(value)}. */
    public static Schedule constantSchedule(double value) {
        return of("constant_schedule").set("value", value).build();
    }

    /** {@code linear_schedule(init_value, end_value, transition_steps, transition_begin)}. */
    public static Schedule linearSchedule(double initValue, double endValue, long transitionSteps,
            long transitionBegin) {
        return of("linear_schedule").set("init_value", initValue).set("end_value", endValue)
                .set("transition_steps", transitionSteps).set("transition_begin", transitionBegin).build();
    }

    /** {@code polynomial_schedule(init_value, end_value, power, transition_steps, transition_begin)}. */
    public static Schedule polynomialSchedule(double initValue, double endValue, double power, long transitionSteps,
            long transitionBegin) {
        return of("polynomial_schedule").set("init_value", initValue).set("end_value", endValue).set("power", power)
                .set("transition_steps", transitionSteps).set("transition_begin", transitionBegin).build();
    }

    /** {@code piecewise_constant_schedule(init_value, boundaries_and_scales)}. */
    public static Schedule piecewiseConstantSchedule(double initValue, Map<Long, Double> boundariesAndScales) {
        return of("piecewise_constant_schedule").set("init_value", initValue)
                .set("boundaries_and_scales", steps(boundariesAndScales)).build();
    }

    /** {@code piecewise_interpolate_schedule(interpolate_type, init_value, boundaries_and_scales)}. */
    public static Schedule piecewiseInterpolateSchedule(String interpolateType, double initValue,
            Map<Long, Double> boundariesAndScales) {
        return of("piecewise_interpolate_schedule").set("interpolate_type", interpolateType)
                .set("init_value", initValue).set("boundaries_and_scales", steps(boundariesAndScales)).build();
    }

    /** {@code exponential_decay(init_value, transition_steps, decay_rate)}. */
    public static Schedule exponentialDecay(double initValue, long transitionSteps, double decayRate) {
        return exponentialDecay(initValue, transitionSteps, decayRate, 0, false, null);
    }

    /** {@code exponential_decay(...)}; a null {@code endValue} is Optax's {@code None} (no clipping). */
    public static Schedule exponentialDecay(double initValue, long transitionSteps, double decayRate,
            long transitionBegin, boolean staircase, Double endValue) {
        ScheduleBuilder b = of("exponential_decay").set("init_value", initValue)
                .set("transition_steps", transitionSteps).set("decay_rate", decayRate)
                .set("transition_begin", transitionBegin).set("staircase", staircase);
        return (endValue == null ? b : b.set("end_value", endValue)).build();
    }

    /** {@code cosine_decay_schedule(init_value, decay_steps)}. */
    public static Schedule cosineDecaySchedule(double initValue, long decaySteps) {
        return cosineDecaySchedule(initValue, decaySteps, 0.0, 1.0);
    }

    /** {@code cosine_decay_schedule(init_value, decay_steps, alpha, exponent)}. */
    public static Schedule cosineDecaySchedule(double initValue, long decaySteps, double alpha, double exponent) {
        return of("cosine_decay_schedule").set("init_value", initValue).set("decay_steps", decaySteps)
                .set("alpha", alpha).set("exponent", exponent).build();
    }

    /** {@code linear_onecycle_schedule(transition_steps, peak_value)}. */
    public static Schedule linearOnecycleSchedule(long transitionSteps, double peakValue) {
        return linearOnecycleSchedule(transitionSteps, peakValue, 0.3, 0.85, 25.0, 1e4);
    }

    /** {@code linear_onecycle_schedule(transition_steps, peak_value, pct_start, pct_final, div_factor, ...)}. */
    public static Schedule linearOnecycleSchedule(long transitionSteps, double peakValue, double pctStart,
            double pctFinal, double divFactor, double finalDivFactor) {
        return of("linear_onecycle_schedule").set("transition_steps", transitionSteps).set("peak_value", peakValue)
                .set("pct_start", pctStart).set("pct_final", pctFinal).set("div_factor", divFactor)
                .set("final_div_factor", finalDivFactor).build();
    }

    /** {@code cosine_onecycle_schedule(transition_steps, peak_value)}. */
    public static Schedule cosineOnecycleSchedule(long transitionSteps, double peakValue) {
        return cosineOnecycleSchedule(transitionSteps, peakValue, 0.3, 25.0, 1e4);
    }

    /** {@code cosine_onecycle_schedule(transition_steps, peak_value, pct_start, div_factor, final_div_factor)}. */
    public static Schedule cosineOnecycleSchedule(long transitionSteps, double peakValue, double pctStart,
            double divFactor, double finalDivFactor) {
        return of("cosine_onecycle_schedule").set("transition_steps", transitionSteps).set("peak_value", peakValue)
                .set("pct_start", pctStart).set("div_factor", divFactor).set("final_div_factor", finalDivFactor)
                .build();
    }

    /** {@code warmup_constant_schedule(init_value, peak_value, warmup_steps)}. */
    public static Schedule warmupConstantSchedule(double initValue, double peakValue, long warmupSteps) {
        return of("warmup_constant_schedule").set("init_value", initValue).set("peak_value", peakValue)
                .set("warmup_steps", warmupSteps).build();
    }

    /** {@code warmup_cosine_decay_schedule(...)}: {@code decaySteps} is the whole length, warmup included. */
    public static Schedule warmupCosineDecaySchedule(double initValue, double peakValue, long warmupSteps,
            long decaySteps, double endValue, double exponent) {
        return of("warmup_cosine_decay_schedule").set("init_value", initValue).set("peak_value", peakValue)
                .set("warmup_steps", warmupSteps).set("decay_steps", decaySteps).set("end_value", endValue)
                .set("exponent", exponent).build();
    }

    /** {@code warmup_exponential_decay_schedule(...)}; a null {@code endValue} is Optax's {@code None}. */
    public static Schedule warmupExponentialDecaySchedule(double initValue, double peakValue, long warmupSteps,
            long transitionSteps, double decayRate, long transitionBegin, boolean staircase, Double endValue) {
        ScheduleBuilder b = of("warmup_exponential_decay_schedule").set("init_value", initValue)
                .set("peak_value", peakValue).set("warmup_steps", warmupSteps)
                .set("transition_steps", transitionSteps).set("decay_rate", decayRate)
                .set("transition_begin", transitionBegin).set("staircase", staircase);
        return (endValue == null ? b : b.set("end_value", endValue)).build();
    }

    /** {@code sgdr_schedule(cosine_kwargs)}: warmup-cosine cycles, each restarting after its decay steps. */
    public static Schedule sgdrSchedule(List<CosineKwargs> cosineKwargs) {
        ArrayNode cycles = JsonNodeFactory.instance.arrayNode();
        for (CosineKwargs k : cosineKwargs) {
            cycles.addObject().put("init_value", k.initValue()).put("peak_value", k.peakValue())
                    .put("warmup_steps", k.warmupSteps()).put("decay_steps", k.decaySteps())
                    .put("end_value", k.endValue()).put("exponent", k.exponent());
        }
        return of("sgdr_schedule").set("cosine_kwargs", cycles).build();
    }

    /** {@code join_schedules(schedules, boundaries)}: schedule i+1 sees the step minus boundaries[i]. */
    public static Schedule joinSchedules(List<Schedule> schedules, long... boundaries) {
        return of("join_schedules").set("schedules", schedules).set("boundaries", boundaries).build();
    }
}
