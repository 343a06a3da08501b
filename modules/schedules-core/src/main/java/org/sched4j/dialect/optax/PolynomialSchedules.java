package org.sched4j.dialect.optax;

import org.sched4j.expr.Ex;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;

/** Optax's constant, linear and polynomial schedules and the linear warmup to a constant. */
final class PolynomialSchedules {
    private PolynomialSchedules() {
    }

    /** {@code optax.constant_schedule(value)}. */
    static final class Constant extends OptaxSchedule {
        Constant() {
            super("constant_schedule", "value", Param.real("value"));
        }

        @Override
        RealExpr value(Args a, IntExpr t) {
            return Ex.real(a.real("value"));
        }
    }

    /** {@code optax.polynomial_schedule(init_value, end_value, power, transition_steps, transition_begin=0)}. */
    static final class Polynomial extends OptaxSchedule {
        Polynomial() {
            super("polynomial_schedule", "(init_value - end_value) * (1 - c / T)^power + end_value, "
                    + "c = clip(t - transition_begin, 0, T); T <= 0 holds init_value",
                    INIT_VALUE, END_VALUE, Param.real("power"), TRANSITION_STEPS, TRANSITION_BEGIN);
        }

        @Override
        RealExpr value(Args a, IntExpr t) {
            return OptaxShapes.polynomial(a.real("init_value"), a.real("end_value"), a.real("power"),
                    a.integer("transition_steps"), a.integer("transition_begin"), t);
        }
    }

    /** {@code optax.linear_schedule(init_value, end_value, transition_steps, transition_begin=0)}: power 1. */
    static final class Linear extends OptaxSchedule {
        Linear() {
            super("linear_schedule", "polynomial_schedule with power 1", INIT_VALUE, END_VALUE, TRANSITION_STEPS,
                    TRANSITION_BEGIN);
        }

        @Override
        RealExpr value(Args a, IntExpr t) {
            return OptaxShapes.polynomial(a.real("init_value"), a.real("end_value"), 1,
                    a.integer("transition_steps"), a.integer("transition_begin"), t);
        }
    }

    /** {@code optax.warmup_constant_schedule(init_value, peak_value, warmup_steps)}: linear, then peak_value. */
    static final class WarmupConstant extends OptaxSchedule {
        WarmupConstant() {
            super("warmup_constant_schedule", "linear from init_value to peak_value over warmup_steps, then "
                    + "peak_value", INIT_VALUE, PEAK_VALUE, WARMUP_STEPS);
        }

        @Override
        RealExpr value(Args a, IntExpr t) {
            return OptaxShapes.polynomial(a.real("init_value"), a.real("peak_value"), 1, a.integer("warmup_steps"),
                    0, t);
        }
    }
}
