package org.sched4j.dialect.optax;

import java.util.SortedMap;
import java.util.TreeMap;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;
import org.sched4j.spec.SpecException;

/** Optax's piecewise schedules over {@code boundaries_and_scales}, and the one-cycle schedules built on them. */
final class PiecewiseSchedules {
    private PiecewiseSchedules() {
    }

    static final Param ONECYCLE_STEPS = Param.integer("transition_steps").atLeast(1);
    static final Param PCT_START = Param.real("pct_start").optional(0.3);
    static final Param DIV_FACTOR = Param.real("div_factor").optional(25.0);
    static final Param FINAL_DIV_FACTOR = Param.real("final_div_factor").optional(1e4);

    /** {@code optax.piecewise_constant_schedule(init_value, boundaries_and_scales=None)}. */
    static final class Constant extends OptaxSchedule {
        Constant() {
            super("piecewise_constant_schedule", "init_value times every scale whose step is <= t",
                    INIT_VALUE, BOUNDARIES_AND_SCALES);
        }

        @Override
        RealExpr value(Args a, IntExpr t) {
            return OptaxShapes.piecewiseConstant(a.real("init_value"), a.stepMap("boundaries_and_scales"), t);
        }
    }

    /** {@code optax.piecewise_interpolate_schedule(interpolate_type, init_value, boundaries_and_scales=None)}. */
    static final class Interpolate extends OptaxSchedule {
        Interpolate() {
            super("piecewise_interpolate_schedule", "linear or cosine interpolation between the running products "
                    + "of init_value and the scales, reached at each step",
                    Param.choice("interpolate_type", "linear", "cosine"), INIT_VALUE, BOUNDARIES_AND_SCALES);
        }

        @Override
        RealExpr value(Args a, IntExpr t) {
            return OptaxShapes.piecewiseInterpolate(a.choice("interpolate_type").equals("cosine"),
                    a.real("init_value"), a.stepMap("boundaries_and_scales"), t);
        }
    }

    /**
     * The boundaries Optax writes as a dict literal: steps {@code int(pct * transition_steps)} (truncated);
     * a repeated step keeps the later scale, as a Python dict literal does. Rejects what Optax rejects.
     */
    static final class OnecycleScales {
        private final SortedMap<Long, Double> scales = new TreeMap<>();
        private final SortedMap<Long, String> sources = new TreeMap<>();
        private final long steps;

        OnecycleScales(Args a) {
            steps = a.integer("transition_steps");
            for (String divisor : new String[] {"div_factor", "final_div_factor"}) {
                if (a.real(divisor) == 0) {
                    throw new SpecException(divisor, "must not be 0 (Optax divides by it)");
                }
            }
        }

        /** Adds {@code scale} (from {@code scaleField}) at step {@code int(pct * transition_steps)}. */
        OnecycleScales at(String pctField, double pct, String scaleField, double scale) {
            double step = pct * steps;
            if (Math.abs(step) >= 0x1p53) {
                throw new SpecException(pctField, "int(" + pctField + " * transition_steps) must be within +-2^53 "
                        + "(got " + step + ")");
            }
            return at((long) step, scaleField, scale);
        }

        /** Adds {@code scale} (from {@code scaleField}) at {@code step}; a repeated step keeps the later one. */
        OnecycleScales at(long step, String scaleField, double scale) {
            scales.put(step, scale);
            sources.put(step, scaleField);
            return this;
        }

        /** The scales, after Optax's non-negative check. */
        SortedMap<Long, Double> scales() {
            for (var e : scales.entrySet()) {
                if (e.getValue() < 0) {
                    throw new SpecException(sources.get(e.getKey()), "gives the negative scale " + e.getValue()
                            + " at step " + e.getKey() + " (Optax rejects negative scale factors)");
                }
            }
            return scales;
        }
    }

    /**
     * A one-cycle schedule: piecewise interpolation from {@code peak_value / div_factor} through the scales
     * its subclass places (which also checks them), linear or cosine.
     */
    abstract static class Onecycle extends OptaxSchedule {
        private final boolean cosine;

        Onecycle(String function, String summary, boolean cosine, Param... params) {
            super(function, summary, params);
            this.cosine = cosine;
        }

        /** The boundaries and scales of the cycle, checked as Optax checks them. */
        abstract SortedMap<Long, Double> scales(Args a);

        @Override
        public void check(Args a) {
            scales(a);
        }

        @Override
        RealExpr value(Args a, IntExpr t) {
            return OptaxShapes.piecewiseInterpolate(cosine, a.real("peak_value") / a.real("div_factor"), scales(a), t);
        }
    }

    /** {@code optax.linear_onecycle_schedule}: three linear phases ending at int(pct_start*T), int(pct_final*T), T. */
    static final class LinearOnecycle extends Onecycle {
        LinearOnecycle() {
            super("linear_onecycle_schedule", "linear from peak_value / div_factor up to peak_value, back down, "
                    + "then to that / final_div_factor", false, ONECYCLE_STEPS, PEAK_VALUE, PCT_START,
                    Param.real("pct_final").optional(0.85), DIV_FACTOR, FINAL_DIV_FACTOR);
        }

        @Override
        SortedMap<Long, Double> scales(Args a) {
            double div = a.real("div_factor");
            return new OnecycleScales(a).at("pct_start", a.real("pct_start"), "div_factor", div)
                    .at("pct_final", a.real("pct_final"), "div_factor", 1.0 / div)
                    .at(a.integer("transition_steps"), "final_div_factor", 1.0 / a.real("final_div_factor"))
                    .scales();
        }
    }

    /** {@code optax.cosine_onecycle_schedule}: cosine up to peak_value at int(pct_start*T), then down at T. */
    static final class CosineOnecycle extends Onecycle {
        CosineOnecycle() {
            super("cosine_onecycle_schedule", "cosine from peak_value / div_factor up to peak_value, then down to "
                    + "that / (div_factor * final_div_factor)", true, ONECYCLE_STEPS, PEAK_VALUE, PCT_START,
                    DIV_FACTOR, FINAL_DIV_FACTOR);
        }

        @Override
        SortedMap<Long, Double> scales(Args a) {
            double div = a.real("div_factor");
            return new OnecycleScales(a).at("pct_start", a.real("pct_start"), "div_factor", div)
                    .at(a.integer("transition_steps"), "final_div_factor", 1.0 / (div * a.real("final_div_factor")))
                    .scales();
        }
    }
}
