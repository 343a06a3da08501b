package org.sched4j.dialect.keras;

import static org.sched4j.expr.Ex.sub;

import org.sched4j.catalog.Shapes;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;
import org.sched4j.spec.SpecException;

/** The {@code keras.*} types: {@code keras.optimizers.schedules} with Keras's argument names and defaults. */
final class KerasSchedules {
    private KerasSchedules() {
    }

    /** {@code ExponentialDecay(initial_learning_rate, decay_steps, decay_rate, staircase=False)}. */
    static final class ExponentialDecay extends KerasSchedule {
        ExponentialDecay() {
            super("ExponentialDecay", "initial_learning_rate * decay_rate^(t / decay_steps), floored if staircase",
                    INITIAL_LEARNING_RATE, DECAY_STEPS, DECAY_RATE, STAIRCASE, name("ExponentialDecay"));
        }

        @Override
        RealExpr value(Args a, IntExpr t) {
            return Shapes.exponential(a.real("initial_learning_rate"), t, a.real("decay_rate"),
                    a.integer("decay_steps"), a.bool("staircase"));
        }
    }

    /**
     * {@code PiecewiseConstantDecay(boundaries, values)}: {@code values[0]} while {@code t <= boundaries[0]},
     * {@code values[i]} on {@code (boundaries[i-1], boundaries[i]]}: one step later than PyTorch switches.
     */
    static final class PiecewiseConstantDecay extends KerasSchedule {
        PiecewiseConstantDecay() {
            super("PiecewiseConstantDecay", "values[i] for boundaries[i-1] < t <= boundaries[i]",
                    Param.integers("boundaries").minSize(1).strictlyIncreasing(), Param.reals("values"),
                    name("PiecewiseConstant"));
        }

        @Override
        public void check(Args a) {
            int boundaries = a.integers("boundaries").length;
            int values = a.reals("values").length;
            if (values != boundaries + 1) {
                throw new SpecException("values", "must have one more element than boundaries (got " + values
                        + " values and " + boundaries + " boundaries)");
            }
        }

        @Override
        RealExpr value(Args a, IntExpr t) {
            // values[i] on (b[i-1], b[i]] for t is values[i] on [b[i-1], b[i]) for t - 1.
            return Shapes.piecewise(sub(t, 1), a.integers("boundaries"), a.reals("values"));
        }
    }

    /**
     * {@code PolynomialDecay(initial_learning_rate, decay_steps, end_learning_rate=0.0001, power=1.0,
     * cycle=False)}; with {@code cycle} the horizon is the first multiple of decay_steps at or after t.
     */
    static final class PolynomialDecay extends KerasSchedule {
        PolynomialDecay() {
            super("PolynomialDecay", "(initial_learning_rate - end_learning_rate) * (1 - min(t, D) / D)^power + "
                    + "end_learning_rate; D = decay_steps * max(ceil(t / decay_steps), 1) and t unclamped if cycle",
                    INITIAL_LEARNING_RATE, DECAY_STEPS, Param.real("end_learning_rate").optional(0.0001),
                    Param.real("power").atLeast(0).optional(1.0), Param.bool("cycle").optional(false),
                    name("PolynomialDecay"));
        }

        @Override
        RealExpr value(Args a, IntExpr t) {
            double initial = a.real("initial_learning_rate");
            double end = a.real("end_learning_rate");
            long steps = a.integer("decay_steps");
            double power = a.real("power");
            return a.bool("cycle") ? Shapes.polynomialCycle(initial, end, t, steps, power)
                    : Shapes.polynomial(initial, end, t, steps, power);
        }
    }

    /** {@code InverseTimeDecay(initial_learning_rate, decay_steps, decay_rate, staircase=False)}. */
    static final class InverseTimeDecay extends KerasSchedule {
        InverseTimeDecay() {
            super("InverseTimeDecay", "initial_learning_rate / (1 + decay_rate * t / decay_steps), floored if "
                    + "staircase", INITIAL_LEARNING_RATE, DECAY_STEPS, DECAY_RATE, STAIRCASE,
                    name("InverseTimeDecay"));
        }

        @Override
        RealExpr value(Args a, IntExpr t) {
            return Shapes.inverseTime(a.real("initial_learning_rate"), a.real("decay_rate"),
                    Shapes.progress(t, a.integer("decay_steps"), a.bool("staircase")));
        }
    }

    /**
     * {@code CosineDecay(initial_learning_rate, decay_steps, alpha=0.0, warmup_target=None, warmup_steps=0)}:
     * with a {@code warmup_target}, a linear warmup of {@code warmup_steps} comes first and
     * {@code decay_steps} counts the cosine only; without one, {@code warmup_steps} is ignored.
     */
    static final class CosineDecay extends KerasSchedule {
        CosineDecay() {
            super("CosineDecay", "warmup from initial_learning_rate to warmup_target over warmup_steps, then "
                    + "peak * ((1 - alpha) * (1 + cos(pi * min(s, decay_steps) / decay_steps)) / 2 + alpha)",
                    INITIAL_LEARNING_RATE, DECAY_STEPS, Param.real("alpha").optional(0.0), name("CosineDecay"),
                    Param.real("warmup_target").orNone(), Param.integer("warmup_steps").atLeast(0).optional(0));
        }

        @Override
        RealExpr value(Args a, IntExpr t) {
            Double target = a.has("warmup_target") ? a.real("warmup_target") : null;
            return KerasShapes.cosineDecay(a.real("initial_learning_rate"), a.integer("decay_steps"),
                    a.real("alpha"), target, a.integer("warmup_steps"), t);
        }
    }

    /**
     * {@code CosineDecayRestarts(initial_learning_rate, first_decay_steps, t_mul=2.0, m_mul=1.0, alpha=0.0)}:
     * cycle {@code i} lasts {@code first_decay_steps * t_mul^i} steps and its peak is scaled by
     * {@code m_mul^i}; the {@code alpha} floor is not scaled.
     */
    static final class CosineDecayRestarts extends KerasSchedule {
        CosineDecayRestarts() {
            super("CosineDecayRestarts", "initial_learning_rate * ((1 - alpha) * m_mul^i * (1 + cos(pi * x)) / 2 + "
                    + "alpha) in cycle i of first_decay_steps * t_mul^i steps, x its completed fraction",
                    INITIAL_LEARNING_RATE, Param.integer("first_decay_steps").greaterThan(0),
                    Param.real("t_mul").atLeast(1).optional(2.0), Param.real("m_mul").optional(1.0),
                    Param.real("alpha").optional(0.0), name("SGDRDecay"));
        }

        @Override
        public void check(Args a) {
            if (a.real("t_mul") != 1.0) {
                KerasShapes.cycleStarts(a.integer("first_decay_steps"), a.real("t_mul"));
            }
        }

        @Override
        RealExpr value(Args a, IntExpr t) {
            return KerasShapes.cosineRestarts(a.real("initial_learning_rate"), a.integer("first_decay_steps"),
                    a.real("t_mul"), a.real("m_mul"), a.real("alpha"), t);
        }
    }
}
