package org.sched4j.catalog;

import org.sched4j.expr.IntExpr;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;

/**
 * {@code warmup_stable_decay}: linear warmup from {@code start} to {@code peak}, {@code peak} held for
 * {@code stable_steps}, then a {@code linear}, {@code cosine} or {@code 1-sqrt} decay to {@code final}.
 */
public final class WarmupStableDecay extends BaseType {
    WarmupStableDecay() {
        super("warmup_stable_decay", "start -> peak linearly over warmup_steps, peak for stable_steps, then to final "
                + "over decay_steps along decay_shape, then final",
                Param.real("peak"), Param.integer("warmup_steps").atLeast(0), Param.integer("stable_steps").atLeast(0),
                Param.integer("decay_steps").atLeast(1), Param.real("start").optional(0.0),
                Param.real("final").optional(0.0),
                Param.choice("decay_shape", "linear", "cosine", "1-sqrt").optional("linear"));
    }

    @Override
    public Definition define(Args a, IntExpr t) {
        return Definition.of(Shapes.warmupStableDecay(a.real("start"), a.real("peak"), a.real("final"), t,
                a.integer("warmup_steps"), a.integer("stable_steps"), a.integer("decay_steps"),
                a.choice("decay_shape")));
    }
}
