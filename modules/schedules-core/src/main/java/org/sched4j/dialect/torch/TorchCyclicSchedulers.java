package org.sched4j.dialect.torch;

import static org.sched4j.expr.Ex.add;
import static org.sched4j.expr.Ex.integer;
import static org.sched4j.expr.Ex.le;
import static org.sched4j.expr.Ex.lookup;
import static org.sched4j.expr.Ex.lt;
import static org.sched4j.expr.Ex.min;
import static org.sched4j.expr.Ex.mul;
import static org.sched4j.expr.Ex.op;
import static org.sched4j.expr.Ex.select;

import java.util.ArrayList;
import java.util.List;
import org.sched4j.catalog.Cyclic;
import org.sched4j.catalog.OneCycle;
import org.sched4j.catalog.Shapes;
import org.sched4j.expr.BinaryOp;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;
import org.sched4j.schedule.Definition;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;
import org.sched4j.spec.SpecException;

/** The cycling {@code torch.*} schedulers: CyclicLR, OneCycleLR and CosineAnnealingWarmRestarts (PyTorch 1.13). */
final class TorchCyclicSchedulers {
    private TorchCyclicSchedulers() {
    }

    /**
     * {@code torch.CyclicLR(base_lr, max_lr, step_size_up=2000, step_size_down=None, mode='triangular',
     * gamma=1, scale_mode='cycle', cycle_momentum=True, base_momentum=0.8, max_momentum=0.9)}. The optimizer's
     * {@code lr} is overwritten by {@code base_lr}; {@code scale_mode} only matters for a custom scale_fn, which
     * the built-in modes are not.
     */
    static final class CyclicLR extends TorchScheduler {
        CyclicLR() {
            super("CyclicLR", "base_lr + (max_lr - base_lr) * triangle(t) * scale(mode); momentum the other way",
                    Param.real("base_lr"), Param.real("max_lr"),
                    Param.integer("step_size_up").atLeast(1).optional(2000),
                    Param.integer("step_size_down").atLeast(0).optionalSameAs("step_size_up"),
                    Param.choice("mode", "triangular", "triangular2", "exp_range").optional("triangular"),
                    Param.real("gamma").greaterThan(0).optional(1.0), Cyclic.SCALE_FN, Cyclic.SCALE_MODE,
                    Param.bool("cycle_momentum").optional(true), Param.real("base_momentum").optional(0.8),
                    Param.real("max_momentum").optional(0.9));
        }

        @Override
        public void check(Args a) {
            if (a.has("scale_fn")) {
                Cyclic.scale(a, org.sched4j.expr.Ex.step(), a.integer("step_size_up"), a.integer("step_size_down"));
            }
        }

        @Override
        Definition definition(Args a, double lr, IntExpr t) {
            return cyclic(a, a.real("base_lr"), t);
        }

        private static Definition cyclic(Args a, double base, IntExpr t) {
            long up = a.integer("step_size_up");
            long down = a.integer("step_size_down");
            return Cyclic.cyclic(base, a.real("max_lr"), t, up, down, Cyclic.scale(a, t, up, down),
                    Cyclic.momentum(a));
        }

        /** Resumed, PyTorch's first step still uses the param group's initial_lr ({@code lr}) as the base. */
        @Override
        Definition resumed(Args a, double lr, IntExpr t, long lastEpoch) {
            Definition later = super.resumed(a, lr, t, lastEpoch);
            if (lastEpoch < 0) {
                return later;
            }
            RealExpr first = cyclic(a, lr, add(t, lastEpoch + 1)).value();
            return new Definition(select(le(t, 0), first, later.value()), later.momentum());
        }

        @Override
        RealExpr value(Args a, double lr, IntExpr t) {
            return definition(a, lr, t).value();
        }
    }

    /**
     * {@code torch.OneCycleLR(max_lr, total_steps=None, epochs=None, steps_per_epoch=None, pct_start=0.3,
     * anneal_strategy='cos', cycle_momentum=True, base_momentum=0.85, max_momentum=0.95, div_factor=25,
     * final_div_factor=1e4, three_phase=False)}; a count of 0 stands for None. The optimizer's {@code lr} is
     * not used. PyTorch cannot step past {@code total_steps}; from there on the values of its last step are held.
     */
    static final class OneCycleLR extends TorchScheduler {
        OneCycleLR() {
            super("OneCycleLR", "PyTorch's one-cycle policy over total_steps (or epochs * steps_per_epoch)",
                    Param.real("max_lr"), Param.integer("total_steps").atLeast(0).optional(0),
                    Param.integer("epochs").atLeast(0).optional(0),
                    Param.integer("steps_per_epoch").atLeast(0).optional(0),
                    Param.real("pct_start").atLeast(0).atMost(1).optional(0.3),
                    Param.choice("anneal_strategy", "cos", "linear").optional("cos"),
                    Param.bool("cycle_momentum").optional(true), Param.real("base_momentum").optional(0.85),
                    Param.real("max_momentum").optional(0.95), Param.real("div_factor").greaterThan(0).optional(25.0),
                    Param.real("final_div_factor").greaterThan(0).optional(1e4),
                    Param.bool("three_phase").optional(false));
        }

        @Override
        public void check(Args a) {
            long total = totalSteps(a);
            OneCycle.checkFirstPhase(a.real("pct_start"), total);
            if (a.integer("last_epoch") >= total) {
                throw new SpecException("last_epoch", "must be < the total steps " + total
                        + " (OneCycleLR cannot step past them), got " + a.integer("last_epoch"));
            }
        }

        /** {@code total_steps}, or {@code epochs * steps_per_epoch}, as PyTorch picks them. */
        private static long totalSteps(Args a) {
            long total = a.integer("total_steps");
            if (total > 0) {
                return total;
            }
            long epochs = a.integer("epochs");
            long perEpoch = a.integer("steps_per_epoch");
            if (epochs == 0 && perEpoch == 0) {
                throw new SpecException("total_steps",
                        "must be a positive integer, or give epochs and steps_per_epoch");
            }
            if (epochs == 0) {
                throw new SpecException("epochs",
                        "must be a positive integer with steps_per_epoch (or give total_steps)");
            }
            if (perEpoch == 0) {
                throw new SpecException("steps_per_epoch",
                        "must be a positive integer with epochs (or give total_steps)");
            }
            if (Math.multiplyHigh(epochs, perEpoch) != 0 || epochs * perEpoch > (1L << 53)) {
                throw new SpecException("steps_per_epoch", "epochs * steps_per_epoch must be <= 2^53");
            }
            return epochs * perEpoch;
        }

        @Override
        Definition definition(Args a, double lr, IntExpr t) {
            return OneCycle.oneCycle(a.real("max_lr"), totalSteps(a), a.real("pct_start"),
                    a.choice("anneal_strategy").equals("cos"), a.real("div_factor"), a.real("final_div_factor"),
                    a.bool("three_phase"), t, Cyclic.momentum(a));
        }

        @Override
        RealExpr value(Args a, double lr, IntExpr t) {
            return definition(a, lr, t).value();
        }
    }

    /**
     * {@code torch.CosineAnnealingWarmRestarts(T_0, T_mult=1, eta_min=0)}: cycles of {@code T_0 * T_mult^i}
     * steps. Resumed with {@code last_epoch = k}, PyTorch restarts its cycle counter once per step only, so
     * while its position is past the cycle it computes cosines beyond the cycle end; that prefix is
     * reproduced, after which it equals the fresh schedule at {@code t + k + 1}.
     */
    static final class CosineAnnealingWarmRestarts extends TorchScheduler {
        CosineAnnealingWarmRestarts() {
            super("CosineAnnealingWarmRestarts", "eta_min + (lr - eta_min) * (1 + cos(pi * T_cur / T_i)) / 2, "
                    + "T_i = T_0 * T_mult^i", Param.integer("T_0").atLeast(1),
                    Param.integer("T_mult").atLeast(1).optional(1), Param.real("eta_min").optional(0.0));
        }

        @Override
        RealExpr value(Args a, double lr, IntExpr t) {
            return Shapes.cosineRestarts(lr, a.real("eta_min"), t, a.integer("T_0"), a.integer("T_mult"), 1.0);
        }

        @Override
        Definition resumed(Args a, double lr, IntExpr t, long lastEpoch) {
            Definition fresh = super.resumed(a, lr, t, lastEpoch);
            if (lastEpoch < 0) {
                return fresh;
            }
            long first = a.integer("T_0");
            long mult = a.integer("T_mult");
            double eta = a.real("eta_min");
            // PyTorch's state after its first step: T_cur = k + 1, less one cycle if that reaches T_0.
            long cur = lastEpoch + 1;
            long len = first;
            if (cur >= len) {
                cur -= len;
                len = times(len, mult);
            }
            if (cur < len) {
                return fresh;
            }
            if (mult == 1) {
                if (first == 1) {
                    // T_cur never changes again: each step adds one and takes one cycle of 1 away.
                    return Definition.of(Shapes.cosine(lr, eta, integer(cur), 1, true));
                }
                // Each step takes T_0 - 1 off T_cur until it is inside the cycle.
                long last = Math.floorDiv(cur - first, first - 1);
                IntExpr position = op(BinaryOp.SUB, integer(cur), mul(min(t, last), first - 1));
                return Definition.of(select(le(t, last), Shapes.cosine(lr, eta, position, first, true),
                        fresh.value()));
            }
            List<Double> beyond = new ArrayList<>();
            while (cur >= len) {
                beyond.add(eta + (lr - eta) * (1 + Math.cos(Math.PI * cur / len)) / 2);
                cur += 1;
                if (cur >= len) {
                    cur -= len;
                    len = times(len, mult);
                }
            }
            double[] values = beyond.stream().mapToDouble(Double::doubleValue).toArray();
            return Definition.of(select(lt(t, values.length), lookup(values, t), fresh.value()));
        }

        private static long times(long a, long b) {
            long high = Math.multiplyHigh(a, b);
            return high != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
        }
    }
}
