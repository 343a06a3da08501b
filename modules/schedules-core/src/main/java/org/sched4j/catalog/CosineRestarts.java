package org.sched4j.catalog;

import org.sched4j.expr.IntExpr;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;
import org.sched4j.spec.SpecException;

/**
 * {@code cosine_restarts}: cosine from the peak down to {@code final} over cycles of
 * {@code first_cycle_steps * cycle_mult^i} steps (SGDR; Keras' t_mul), the peak of cycle {@code i} being
 * {@code final + (initial - final) * peak_decay^i} (Keras' m_mul; the floor is not scaled).
 */
public final class CosineRestarts extends BaseType {
    CosineRestarts() {
        super("cosine_restarts", "final + (initial - final) * peak_decay^i * (1 + cos(pi * x)) / 2, x the fraction "
                + "of cycle i (of first_cycle_steps * cycle_mult^i steps) done",
                Param.real("initial"), Param.real("final").optional(0.0),
                Param.integer("first_cycle_steps").atLeast(1), Param.real("cycle_mult").atLeast(1).optional(1.0),
                Param.real("peak_decay").atLeast(0).optional(1.0));
    }

    @Override
    public void check(Args a) {
        if (!Shapes.restartsFit(a.integer("first_cycle_steps"), a.real("cycle_mult"))) {
            throw new SpecException("cycle_mult", "must be 1, or large enough that at most "
                    + Shapes.MAX_RESTART_CYCLES + " cycles start by step 2^53 (got " + a.real("cycle_mult") + ")");
        }
    }

    @Override
    public Definition define(Args a, IntExpr t) {
        return Definition.of(Shapes.cosineRestarts(a.real("initial"), a.real("final"), t,
                a.integer("first_cycle_steps"), a.real("cycle_mult"), a.real("peak_decay")));
    }
}
