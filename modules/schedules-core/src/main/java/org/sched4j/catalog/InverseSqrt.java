package org.sched4j.catalog;

import org.sched4j.expr.IntExpr;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;

/**
 * {@code inverse_sqrt}: the Transformer / fairseq schedule, linear warmup from {@code start} to {@code peak}
 * over {@code warmup_steps}, then {@code peak * sqrt(warmup_steps / step)}.
 */
public final class InverseSqrt extends BaseType {
    InverseSqrt() {
        super("inverse_sqrt", "start + (peak - start) * step / W before W = warmup_steps, then peak * sqrt(W / step)",
                Param.real("peak"), Param.integer("warmup_steps").atLeast(1), Param.real("start").optional(0.0));
    }

    @Override
    public Definition define(Args a, IntExpr t) {
        return Definition.of(Shapes.inverseSqrt(a.real("start"), a.real("peak"), t, a.integer("warmup_steps")));
    }
}
