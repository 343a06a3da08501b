package org.sched4j.catalog;

import org.sched4j.expr.IntExpr;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;

/** {@code multistep}: multiplies by {@code gamma} at each milestone; a repeated milestone applies twice. */
public final class MultiStepDecay extends BaseType {
    MultiStepDecay() {
        super("multistep", "initial * gamma^(number of milestones <= step); repeats count",
                Param.real("initial"), Param.integers("milestones").atLeast(0), Param.real("gamma").atLeast(0));
    }

    @Override
    public Definition define(Args a, IntExpr t) {
        return Definition.of(Shapes.multiStep(a.real("initial"), t, a.integers("milestones"), a.real("gamma")));
    }
}
