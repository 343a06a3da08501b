package org.sched4j.compose;

import org.sched4j.expr.Ex;
import org.sched4j.expr.IntExpr;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;

/** {@code scale}: the child's value times a constant {@code factor}. */
final class Scale extends BaseType {
    Scale() {
        super("scale", "factor * schedule(t)", Param.schedule("schedule"), Param.real("factor"));
    }

    @Override
    public Definition define(Args a, IntExpr t) {
        return Definition.of(Ex.mul(Ex.real(a.real("factor")), Children.one(a, "schedule", t)));
    }
}
