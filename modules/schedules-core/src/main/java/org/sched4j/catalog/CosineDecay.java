package org.sched4j.catalog;

import org.sched4j.expr.IntExpr;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;

/**
 * {@code cosine}: a half cosine from {@code initial} to {@code final} over {@code decay_steps}; then held
 * at {@code final}, or, if {@code periodic}, rising again with period {@code 2 * decay_steps} as PyTorch's
 * CosineAnnealingLR does. {@code exponent} (Optax's) raises the half-cosine factor to a power.
 */
public final class CosineDecay extends BaseType {
    CosineDecay() {
        super("cosine", "final + (initial - final) * ((1 + cos(pi * min(step, decay_steps) / decay_steps)) / 2)"
                + "^exponent", Param.real("initial"), Param.real("final").optional(0.0),
                Param.integer("decay_steps").atLeast(1), Param.bool("periodic").optional(false),
                Param.real("exponent").greaterThan(0).optional(1.0));
    }

    @Override
    public Definition define(Args a, IntExpr t) {
        return Definition.of(Shapes.cosine(a.real("initial"), a.real("final"), t, a.integer("decay_steps"),
                a.bool("periodic"), a.real("exponent")));
    }
}
