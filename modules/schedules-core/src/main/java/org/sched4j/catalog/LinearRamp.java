package org.sched4j.catalog;

import org.sched4j.expr.IntExpr;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;

/** {@code linear}: from {@code start} to {@code end} (up or down) over {@code steps}, then {@code end}. */
public final class LinearRamp extends BaseType {
    LinearRamp() {
        super("linear", "start + (end - start) * min(step, steps) / steps",
                Param.real("start"), Param.real("end"), Param.integer("steps").atLeast(1));
    }

    @Override
    public Definition define(Args a, IntExpr t) {
        return Definition.of(Shapes.linear(a.real("start"), a.real("end"), t, a.integer("steps")));
    }
}
