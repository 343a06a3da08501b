package org.sched4j.dialect.optax;

import java.util.List;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;
import org.sched4j.spec.SpecException;

/** Optax's exponential and cosine decays, alone and after a linear warmup. */
final class DecaySchedules {
    private DecaySchedules() {
    }

    static final Param DECAY_STEPS = Param.integer("decay_steps");

    /** The arguments of {@code warmup_cosine_decay_schedule}, also the keys of each sgdr cycle. */
    static final List<Param> WARMUP_COSINE_PARAMS = List.of(OptaxSchedule.INIT_VALUE, OptaxSchedule.PEAK_VALUE,
            OptaxSchedule.WARMUP_STEPS, DECAY_STEPS, Param.real("end_value").optional(0.0), OptaxSchedule.EXPONENT);

    private static RealExpr exponential(Args a, double init, IntExpr t) {
        return OptaxShapes.exponential(init, a.integer("transition_steps"), a.real("decay_rate"),
                a.integer("transition_begin"), a.bool("staircase"), a.realOrNone("end_value"), t);
    }

    /** The cosine part of a warmup-cosine lasts {@code decay_steps - warmup_steps} steps and must be positive. */
    static void checkWarmupCosine(Args a, String prefix) {
        long warmup = a.integer("warmup_steps");
        long decay = a.integer("decay_steps");
        if (decay - warmup <= 0) {
            throw new SpecException(prefix + "decay_steps", "must be greater than warmup_steps " + warmup
                    + " (decay_steps includes the warmup; Optax's cosine part needs decay_steps - warmup_steps > 0, "
                    + "got " + decay + ")");
        }
    }

    /** The warmup-cosine value of validated {@link #WARMUP_COSINE_PARAMS}. */
    static RealExpr warmupCosine(Args a, IntExpr t) {
        return OptaxShapes.warmupCosine(a.real("init_value"), a.real("peak_value"), a.integer("warmup_steps"),
                a.integer("decay_steps"), a.real("end_value"), a.real("exponent"), t);
    }

    /** {@code optax.exponential_decay(init_value, transition_steps, decay_rate, transition_begin=0, ...)}. */
    static final class Exponential extends OptaxSchedule {
        Exponential() {
            super("exponential_decay", "init_value * decay_rate^((t - transition_begin) / transition_steps) after "
                    + "transition_begin, clipped at end_value", INIT_VALUE, TRANSITION_STEPS, DECAY_RATE,
                    TRANSITION_BEGIN, STAIRCASE, OPTIONAL_END_VALUE);
        }

        @Override
        RealExpr value(Args a, IntExpr t) {
            return exponential(a, a.real("init_value"), t);
        }
    }

    /** {@code optax.cosine_decay_schedule(init_value, decay_steps, alpha=0, exponent=1)}. */
    static final class Cosine extends OptaxSchedule {
        Cosine() {
            super("cosine_decay_schedule", "init_value * ((1 - alpha) * ((1 + cos(pi * min(t, D) / D)) / 2)^exponent"
                    + " + alpha)", INIT_VALUE, Param.integer("decay_steps").atLeast(1),
                    Param.real("alpha").optional(0.0), EXPONENT);
        }

        @Override
        RealExpr value(Args a, IntExpr t) {
            return OptaxShapes.cosineDecay(a.real("init_value"), a.integer("decay_steps"), a.real("alpha"),
                    a.real("exponent"), t);
        }
    }

    /** {@code optax.warmup_cosine_decay_schedule}: decay_steps is the whole length, warmup included. */
    static final class WarmupCosine extends OptaxSchedule {
        WarmupCosine() {
            super("warmup_cosine_decay_schedule", "linear from init_value to peak_value over warmup_steps, then "
                    + "cosine to end_value at decay_steps (which includes the warmup)",
                    WARMUP_COSINE_PARAMS.toArray(new Param[0]));
        }

        @Override
        public void check(Args a) {
            checkWarmupCosine(a, "");
        }

        @Override
        RealExpr value(Args a, IntExpr t) {
            return warmupCosine(a, t);
        }
    }

    /** {@code optax.warmup_exponential_decay_schedule}: linear warmup, then exponential_decay from peak_value. */
    static final class WarmupExponential extends OptaxSchedule {
        WarmupExponential() {
            super("warmup_exponential_decay_schedule", "linear from init_value to peak_value over warmup_steps, "
                    + "then exponential_decay from peak_value", INIT_VALUE, PEAK_VALUE, WARMUP_STEPS,
                    TRANSITION_STEPS, DECAY_RATE, TRANSITION_BEGIN, STAIRCASE, OPTIONAL_END_VALUE);
        }

        @Override
        RealExpr value(Args a, IntExpr t) {
            double init = a.real("init_value");
            double peak = a.real("peak_value");
            long warmup = a.integer("warmup_steps");
            return OptaxShapes.join(List.of(local -> OptaxShapes.polynomial(init, peak, 1, warmup, 0, local),
                    local -> exponential(a, peak, local)), new long[] {warmup}, t);
        }
    }
}
