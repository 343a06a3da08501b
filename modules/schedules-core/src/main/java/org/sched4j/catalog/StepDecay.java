package org.sched4j.catalog;

import org.sched4j.expr.IntExpr;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;

/** {@code step}: multiplies by {@code gamma} every {@code step_size} steps. */
public final class StepDecay extends BaseType {
    StepDecay() {
        super("step", "initial * gamma^floor(step / step_size)",
                Param.real("initial"), Param.integer("step_size").atLeast(1), Param.real("gamma").atLeast(0));
    }

    @Override
    public Definition define(Args a, IntExpr t) {
        return Definition.of(Shapes.stepDecay(a.real("initial"), t, a.integer("step_size"), a.real("gamma")));
    }
}
