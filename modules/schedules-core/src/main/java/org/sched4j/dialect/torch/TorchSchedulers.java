package org.sched4j.dialect.torch;

import org.sched4j.catalog.SequentialJoin;
import org.sched4j.catalog.Shapes;
import org.sched4j.expr.Ex;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;
import org.sched4j.schedule.Schedule;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;
import org.sched4j.spec.SpecException;

/** The {@code torch.*} scheduler types: PyTorch 1.13's closed forms with its argument names and checks. */
final class TorchSchedulers {
    private TorchSchedulers() {
    }

    /** {@code torch.StepLR(step_size, gamma=0.1)}. */
    static final class StepLR extends TorchScheduler {
        StepLR() {
            super("StepLR", "lr * gamma^floor(t / step_size)",
                    Param.integer("step_size").atLeast(1), Param.real("gamma").atLeast(0).optional(0.1));
        }

        @Override
        RealExpr value(Args a, double lr, IntExpr t) {
            return Shapes.stepDecay(lr, t, a.integer("step_size"), a.real("gamma"));
        }
    }

    /** {@code torch.MultiStepLR(milestones, gamma=0.1)}: any order, repeats count (a Counter in PyTorch). */
    static final class MultiStepLR extends TorchScheduler {
        MultiStepLR() {
            super("MultiStepLR", "lr * gamma^(number of milestones <= t)",
                    Param.integers("milestones").atLeast(0), Param.real("gamma").atLeast(0).optional(0.1));
        }

        @Override
        RealExpr value(Args a, double lr, IntExpr t) {
            return Shapes.multiStep(lr, t, a.integers("milestones"), a.real("gamma"));
        }
    }

    /** {@code torch.ExponentialLR(gamma)}. */
    static final class ExponentialLR extends TorchScheduler {
        ExponentialLR() {
            super("ExponentialLR", "lr * gamma^t", Param.real("gamma").greaterThan(0));
        }

        @Override
        RealExpr value(Args a, double lr, IntExpr t) {
            return Shapes.exponential(lr, t, a.real("gamma"), 1, false);
        }
    }

    /** {@code torch.CosineAnnealingLR(T_max, eta_min=0)}: periodic, never clamped (period 2 * T_max). */
    static final class CosineAnnealingLR extends TorchScheduler {
        CosineAnnealingLR() {
            super("CosineAnnealingLR", "eta_min + (lr - eta_min) * (1 + cos(pi * t / T_max)) / 2, periodic",
                    Param.integer("T_max").atLeast(1), Param.real("eta_min").optional(0.0));
        }

        @Override
        RealExpr value(Args a, double lr, IntExpr t) {
            return Shapes.cosine(lr, a.real("eta_min"), t, a.integer("T_max"), true);
        }
    }

    /** {@code torch.LinearLR(start_factor=1/3, end_factor=1, total_iters=5)}. */
    static final class LinearLR extends TorchScheduler {
        LinearLR() {
            super("LinearLR", "lr * (start_factor + (end_factor - start_factor) * min(t, total_iters) / total_iters)",
                    Param.real("start_factor").greaterThan(0).atMost(1).optional(1.0 / 3),
                    Param.real("end_factor").atLeast(0).atMost(1).optional(1.0),
                    Param.integer("total_iters").atLeast(0).optional(5));
        }

        @Override
        RealExpr value(Args a, double lr, IntExpr t) {
            double start = a.real("start_factor");
            long total = a.integer("total_iters");
            if (total == 0) {
                // PyTorch's recursive form never leaves start_factor when total_iters is 0.
                return Ex.real(lr * start);
            }
            return Ex.mul(Ex.real(lr), Shapes.linear(start, a.real("end_factor"), t, total));
        }
    }

    /**
     * {@code torch.ConstantLR(factor=1/3, total_iters=5)}: {@code lr * factor} before {@code total_iters},
     * then {@code lr}; {@code total_iters = 0} keeps the factor forever, as PyTorch's recursive form does.
     */
    static final class ConstantLR extends TorchScheduler {
        ConstantLR() {
            super("ConstantLR", "lr * factor for t < total_iters, then lr",
                    Param.real("factor").atLeast(0).atMost(1).optional(1.0 / 3),
                    Param.integer("total_iters").atLeast(0).optional(5));
        }

        @Override
        RealExpr value(Args a, double lr, IntExpr t) {
            long total = a.integer("total_iters");
            if (total == 0) {
                // PyTorch multiplies by the factor at step 0 and only divides it out at step total_iters > 0.
                return Ex.real(lr * a.real("factor"));
            }
            return Shapes.constantFactor(lr, a.real("factor"), t, 0, total);
        }
    }

    /**
     * {@code torch.PolynomialLR(total_iters=5, power=1)}: {@code lr * (1 - min(t, T) / T)^power},
     * {@code T = total_iters}, 0 from {@code T} on; {@code total_iters = 0} keeps {@code lr}.
     */
    static final class PolynomialLR extends TorchScheduler {
        PolynomialLR() {
            super("PolynomialLR", "lr * (1 - min(t, total_iters) / total_iters)^power",
                    Param.integer("total_iters").atLeast(0).optional(5), Param.real("power").atLeast(0).optional(1.0));
        }

        @Override
        RealExpr value(Args a, double lr, IntExpr t) {
            long total = a.integer("total_iters");
            if (total == 0) {
                // PyTorch leaves the rate alone at step 0 and at every step past total_iters.
                return Ex.real(lr);
            }
            return Shapes.polynomial(lr, 0.0, t, total, a.real("power"));
        }
    }

    /**
     * {@code torch.SequentialLR(schedulers, milestones)}: at each milestone the next scheduler restarts from
     * its own step 0 with the base lr. Children share the optimizer, so they inherit {@code lr}.
     */
    static final class SequentialLR extends TorchScheduler {
        SequentialLR() {
            super("SequentialLR", "schedulers[i] from milestones[i-1] on, restarted at its own step 0",
                    Param.schedules("schedulers").minSize(1).inheriting("lr"),
                    Param.integers("milestones").atLeast(1).nonDecreasing());
        }

        @Override
        public void check(Args a) {
            var children = a.nested("schedulers", Schedule.class);
            SequentialJoin.checkCounts(children.size(), a.integers("milestones").length, "milestones");
            for (int i = 0; i < children.size(); i++) {
                Schedule c = children.get(i);
                if (!c.type().name().startsWith("torch.")) {
                    throw new SpecException("schedulers[" + i + "].type", "must be a torch.* scheduler (got "
                            + c.type().name() + ")");
                }
                if (c.args().real("lr") != a.real("lr")) {
                    throw new SpecException("schedulers[" + i + "].lr", "must equal the optimizer's lr "
                            + a.real("lr") + " (all schedulers share one optimizer)");
                }
                TorchLambdaSchedulers.checkSequentialChild(c.type().name(), i);
            }
        }

        @Override
        RealExpr value(Args a, double lr, IntExpr t) {
            return SequentialJoin.join(a.nested("schedulers", Schedule.class), a.integers("milestones"), t);
        }
    }
}
