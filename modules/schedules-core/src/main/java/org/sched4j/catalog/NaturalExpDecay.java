package org.sched4j.catalog;

import org.sched4j.expr.IntExpr;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;

/** {@code natural_exp}: {@code initial * exp(-decay_rate * step / decay_steps)}, floored when staircase. */
public final class NaturalExpDecay extends BaseType {
    NaturalExpDecay() {
        super("natural_exp", "initial * exp(-decay_rate * p), p = step / decay_steps, floored if staircase",
                Param.real("initial"), Param.real("decay_rate").atLeast(0),
                Param.integer("decay_steps").atLeast(1).optional(1), Param.bool("staircase").optional(false));
    }

    @Override
    public Definition define(Args a, IntExpr t) {
        return Definition.of(Shapes.naturalExp(a.real("initial"), a.real("decay_rate"),
                Shapes.progress(t, a.integer("decay_steps"), a.bool("staircase"))));
    }
}
