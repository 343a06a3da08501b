package org.sched4j.catalog;

import org.sched4j.expr.IntExpr;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;

/** {@code linear_warmup}: from {@code start} up to {@code peak} linearly over {@code warmup_steps}, then held. */
public final class LinearWarmup extends BaseType {
    LinearWarmup() {
        super("linear_warmup", "start + (peak - start) * min(step, warmup_steps) / warmup_steps",
                Param.real("start").optional(0.0), Param.real("peak"), Param.integer("warmup_steps").atLeast(1));
    }

    @Override
    public Definition define(Args a, IntExpr t) {
        return Definition.of(Shapes.linear(a.real("start"), a.real("peak"), t, a.integer("warmup_steps")));
    }
}
