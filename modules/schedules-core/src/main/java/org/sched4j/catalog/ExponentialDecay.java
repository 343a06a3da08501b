package org.sched4j.catalog;

import org.sched4j.expr.IntExpr;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;

/** {@code exponential}: {@code initial * decay_rate^(step / decay_steps)}, floored when staircase. */
public final class ExponentialDecay extends BaseType {
    ExponentialDecay() {
        super("exponential", "initial * decay_rate^(step / decay_steps), the exponent floored if staircase",
                Param.real("initial"), Param.real("decay_rate").greaterThan(0),
                Param.integer("decay_steps").atLeast(1).optional(1), Param.bool("staircase").optional(false));
    }

    @Override
    public Definition define(Args a, IntExpr t) {
        return Definition.of(Shapes.exponential(a.real("initial"), t, a.real("decay_rate"),
                a.integer("decay_steps"), a.bool("staircase")));
    }
}
