package org.sched4j.compose;

import org.sched4j.expr.Ex;
import org.sched4j.expr.IntExpr;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;
import org.sched4j.spec.SpecException;

/** {@code clamp}: the child's value kept within {@code [min, max]}. */
final class Clamp extends BaseType {
    Clamp() {
        super("clamp", "min(max(schedule(t), min), max)", Param.schedule("schedule"), Param.real("min"),
                Param.real("max"));
    }

    @Override
    public void check(Args a) {
        if (a.real("max") < a.real("min")) {
            throw new SpecException("max", "must be >= min " + a.real("min") + " (got " + a.real("max") + ")");
        }
    }

    @Override
    public Definition define(Args a, IntExpr t) {
        return Definition.of(Ex.min(Ex.max(Children.one(a, "schedule", t), Ex.real(a.real("min"))),
                Ex.real(a.real("max"))));
    }
}
