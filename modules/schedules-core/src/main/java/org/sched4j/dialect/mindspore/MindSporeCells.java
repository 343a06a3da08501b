package org.sched4j.dialect.mindspore;

import org.sched4j.catalog.Shapes;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;

/**
 * MindSpore's graph cells ({@code nn.learning_rate_schedule}): a rate for each {@code global_step}. MindSpore
 * casts the step to float32 first; here it stays an exact integer, so the two agree wherever float32
 * counts exactly (steps below 2^24).
 */
final class MindSporeCells {
    private MindSporeCells() {
    }

    /** {@code ExponentialDecayLR(learning_rate, decay_rate, decay_steps, is_stair=False)}. */
    static final class ExponentialDecayLR extends MindSporeSchedule {
        ExponentialDecayLR() {
            super("ExponentialDecayLR", "learning_rate * decay_rate^(t / decay_steps), floored if is_stair",
                    LEARNING_RATE, DECAY_RATE, positiveInt("decay_steps"), IS_STAIR);
        }

        @Override
        RealExpr value(Args a, IntExpr t) {
            return Shapes.exponential(a.real("learning_rate"), t, a.real("decay_rate"), a.integer("decay_steps"),
                    a.bool("is_stair"));
        }
    }

    /**
     * {@code NaturalExpDecayLR(learning_rate, decay_rate, decay_steps, is_stair=False)}: MindSpore's code uses
     * {@code p = t} ({@code decay_steps} only matters with {@code is_stair}: {@code p = floor(t/ds) * ds}).
     */
    static final class NaturalExpDecayLR extends MindSporeSchedule {
        NaturalExpDecayLR() {
            super("NaturalExpDecayLR", "learning_rate * e^(-decay_rate * p), p = t or floor(t / decay_steps) * "
                    + "decay_steps if is_stair", LEARNING_RATE, DECAY_RATE, positiveInt("decay_steps"), IS_STAIR);
        }

        @Override
        RealExpr value(Args a, IntExpr t) {
            return MindSporeShapes.naturalExp(a.real("learning_rate"), a.real("decay_rate"), t,
                    a.integer("decay_steps"), a.bool("is_stair"));
        }
    }

    /** {@code InverseDecayLR(learning_rate, decay_rate, decay_steps, is_stair=False)}. */
    static final class InverseDecayLR extends MindSporeSchedule {
        InverseDecayLR() {
            super("InverseDecayLR", "learning_rate / (1 + decay_rate * t / decay_steps), floored if is_stair",
                    LEARNING_RATE, DECAY_RATE, positiveInt("decay_steps"), IS_STAIR);
        }

        @Override
        RealExpr value(Args a, IntExpr t) {
            return Shapes.inverseTime(a.real("learning_rate"), a.real("decay_rate"),
                    Shapes.progress(t, a.integer("decay_steps"), a.bool("is_stair")));
        }
    }

    /** {@code CosineDecayLR(min_lr, max_lr, decay_steps)}: clamped at min_lr; needs 0 <= min_lr < max_lr. */
    static final class CosineDecayLR extends MindSporeSchedule {
        CosineDecayLR() {
            super("CosineDecayLR", "min_lr + (max_lr - min_lr) * (1 + cos(pi * min(t, decay_steps) / decay_steps)) "
                    + "/ 2", MIN_LR, MAX_LR, positiveInt("decay_steps"));
        }

        @Override
        public void check(Args a) {
            checkMinBelowMax(a);
        }

        @Override
        RealExpr value(Args a, IntExpr t) {
            return Shapes.cosine(a.real("max_lr"), a.real("min_lr"), t, a.integer("decay_steps"), false);
        }
    }

    /**
     * {@code PolynomialDecayLR(learning_rate, end_learning_rate, decay_steps, power, update_decay_steps=False)};
     * with {@code update_decay_steps} the horizon grows to the next multiple of decay_steps.
     */
    static final class PolynomialDecayLR extends MindSporeSchedule {
        PolynomialDecayLR() {
            super("PolynomialDecayLR", "(learning_rate - end_learning_rate) * (1 - min(t, D) / D)^power + "
                    + "end_learning_rate; D = decay_steps * max(ceil(t / decay_steps), 1) and t unclamped if "
                    + "update_decay_steps", LEARNING_RATE, END_LEARNING_RATE, positiveInt("decay_steps"), POWER,
                    Param.bool("update_decay_steps").optional(false));
        }

        @Override
        RealExpr value(Args a, IntExpr t) {
            double lr = a.real("learning_rate");
            double end = a.real("end_learning_rate");
            long steps = a.integer("decay_steps");
            double power = a.real("power");
            return a.bool("update_decay_steps") ? Shapes.polynomialCycle(lr, end, t, steps, power)
                    : Shapes.polynomial(lr, end, t, steps, power);
        }
    }

    /** {@code WarmUpLR(learning_rate, warmup_steps)}: {@code learning_rate * min(t, W) / W}, 0 at step 0. */
    static final class WarmUpLR extends MindSporeSchedule {
        WarmUpLR() {
            super("WarmUpLR", "learning_rate * min(t, warmup_steps) / warmup_steps",
                    Param.real("learning_rate").atLeast(0), positiveInt("warmup_steps"));
        }

        @Override
        RealExpr value(Args a, IntExpr t) {
            return Shapes.linear(0, a.real("learning_rate"), t, a.integer("warmup_steps"));
        }
    }
}
