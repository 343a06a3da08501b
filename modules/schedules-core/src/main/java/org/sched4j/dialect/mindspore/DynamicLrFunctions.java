package org.sched4j.dialect.mindspore;

import static org.sched4j.expr.Ex.min;

import org.sched4j.catalog.Shapes;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;
import org.sched4j.spec.SpecException;

/**
 * MindSpore's list functions ({@code nn.dynamic_lr}) as schedules: entry {@code i} of the list MindSpore
 * would build, and the last entry after the list ends.
 */
final class DynamicLrFunctions {
    private static final Param DECAY_EPOCH = MindSporeSchedule.positiveInt("decay_epoch");

    private DynamicLrFunctions() {
    }

    /**
     * {@code piecewise_constant_lr(milestone, learning_rates)}: {@code learning_rates[k]} on
     * {@code [milestone[k-1], milestone[k])}; the list has {@code milestone[-1]} entries. MindSpore accepts
     * equal milestones (an empty segment) and rejects decreasing ones.
     */
    static final class PiecewiseConstantLr extends MindSporeSchedule {
        PiecewiseConstantLr() {
            super("piecewise_constant_lr", "learning_rates[k] for milestone[k-1] <= t < milestone[k]",
                    Param.integers("milestone").minSize(1).greaterThan(0).nonDecreasing(),
                    Param.reals("learning_rates").minSize(1));
        }

        @Override
        public void check(Args a) {
            int milestones = a.integers("milestone").length;
            int rates = a.reals("learning_rates").length;
            if (milestones != rates) {
                throw new SpecException("learning_rates", "must have as many elements as milestone (got " + rates
                        + " learning rates and " + milestones + " milestones)");
            }
        }

        @Override
        RealExpr value(Args a, IntExpr t) {
            long[] milestones = a.integers("milestone");
            IntExpr entry = min(t, milestones[milestones.length - 1] - 1);
            return Shapes.piecewise(entry, milestones, a.reals("learning_rates"));
        }
    }

    /** {@code exponential_decay_lr(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch, is_stair)}. */
    static final class ExponentialDecayLr extends EpochList {
        ExponentialDecayLr() {
            super("exponential_decay_lr", "learning_rate * decay_rate^(e / decay_epoch), floored if is_stair",
                    LEARNING_RATE, DECAY_RATE, TOTAL_STEP, STEP_PER_EPOCH, DECAY_EPOCH, IS_STAIR);
        }

        @Override
        RealExpr atEpoch(Args a, IntExpr e) {
            return Shapes.exponential(a.real("learning_rate"), e, a.real("decay_rate"), a.integer("decay_epoch"),
                    a.bool("is_stair"));
        }
    }

    /**
     * {@code natural_exp_decay_lr(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch, is_stair)}:
     * {@code learning_rate * e^(-decay_rate * p)}, {@code p = e} or {@code floor(e / decay_epoch) * decay_epoch}.
     */
    static final class NaturalExpDecayLr extends EpochList {
        NaturalExpDecayLr() {
            super("natural_exp_decay_lr", "learning_rate * e^(-decay_rate * p), p = e or floor(e / decay_epoch) * "
                    + "decay_epoch if is_stair", LEARNING_RATE, DECAY_RATE, TOTAL_STEP, STEP_PER_EPOCH, DECAY_EPOCH,
                    IS_STAIR);
        }

        @Override
        RealExpr atEpoch(Args a, IntExpr e) {
            return MindSporeShapes.naturalExp(a.real("learning_rate"), a.real("decay_rate"), e,
                    a.integer("decay_epoch"), a.bool("is_stair"));
        }
    }

    /** {@code inverse_decay_lr(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch, is_stair)}. */
    static final class InverseDecayLr extends EpochList {
        InverseDecayLr() {
            super("inverse_decay_lr", "learning_rate / (1 + decay_rate * e / decay_epoch), floored if is_stair",
                    LEARNING_RATE, DECAY_RATE, TOTAL_STEP, STEP_PER_EPOCH, DECAY_EPOCH, IS_STAIR);
        }

        @Override
        RealExpr atEpoch(Args a, IntExpr e) {
            return Shapes.inverseTime(a.real("learning_rate"), a.real("decay_rate"),
                    Shapes.progress(e, a.integer("decay_epoch"), a.bool("is_stair")));
        }
    }

    /** {@code cosine_decay_lr(min_lr, max_lr, total_step, step_per_epoch, decay_epoch)}; 0 <= min_lr < max_lr. */
    static final class CosineDecayLr extends EpochList {
        CosineDecayLr() {
            super("cosine_decay_lr", "min_lr + (max_lr - min_lr) * (1 + cos(pi * min(e, decay_epoch) / "
                    + "decay_epoch)) / 2", MIN_LR, MAX_LR, TOTAL_STEP, STEP_PER_EPOCH, DECAY_EPOCH);
        }

        @Override
        public void check(Args a) {
            checkMinBelowMax(a);
        }

        @Override
        RealExpr atEpoch(Args a, IntExpr e) {
            return Shapes.cosine(a.real("max_lr"), a.real("min_lr"), e, a.integer("decay_epoch"), false);
        }
    }

    /**
     * {@code polynomial_decay_lr(learning_rate, end_learning_rate, total_step, step_per_epoch, decay_epoch,
     * power, update_decay_epoch=False)}.
     */
    static final class PolynomialDecayLr extends EpochList {
        PolynomialDecayLr() {
            super("polynomial_decay_lr", "(learning_rate - end_learning_rate) * (1 - min(e, D) / D)^power + "
                    + "end_learning_rate; D = decay_epoch * max(ceil(e / decay_epoch), 1) and e unclamped if "
                    + "update_decay_epoch", LEARNING_RATE, END_LEARNING_RATE, TOTAL_STEP, STEP_PER_EPOCH,
                    DECAY_EPOCH, POWER, Param.bool("update_decay_epoch").optional(false));
        }

        @Override
        RealExpr atEpoch(Args a, IntExpr e) {
            double lr = a.real("learning_rate");
            double end = a.real("end_learning_rate");
            long epochs = a.integer("decay_epoch");
            double power = a.real("power");
            return a.bool("update_decay_epoch") ? Shapes.polynomialCycle(lr, end, e, epochs, power)
                    : Shapes.polynomial(lr, end, e, epochs, power);
        }
    }

    /** {@code warmup_lr(learning_rate, total_step, step_per_epoch, warmup_epoch)}: 0 in the first epoch. */
    static final class WarmupLr extends EpochList {
        WarmupLr() {
            super("warmup_lr", "learning_rate * min(e, warmup_epoch) / warmup_epoch",
                    Param.real("learning_rate").atLeast(0), TOTAL_STEP, STEP_PER_EPOCH,
                    positiveInt("warmup_epoch"));
        }

        @Override
        RealExpr atEpoch(Args a, IntExpr e) {
            return Shapes.linear(0, a.real("learning_rate"), e, a.integer("warmup_epoch"));
        }
    }
}
