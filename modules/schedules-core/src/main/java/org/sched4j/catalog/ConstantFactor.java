package org.sched4j.catalog;

import org.sched4j.expr.IntExpr;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;
import org.sched4j.spec.SpecException;

/** {@code constant_factor}: {@code value * factor} on the window {@code [begin, end)}, {@code value} elsewhere. */
public final class ConstantFactor extends BaseType {
    ConstantFactor() {
        super("constant_factor", "value * factor for begin <= step < end, value elsewhere",
                Param.real("value"), Param.real("factor"), Param.integer("begin").atLeast(0).optional(0),
                Param.integer("end").atLeast(1));
    }

    @Override
    public void check(Args a) {
        if (a.integer("end") <= a.integer("begin")) {
            throw new SpecException("end", "must be > begin (" + a.integer("begin") + "), got " + a.integer("end"));
        }
    }

    @Override
    public Definition define(Args a, IntExpr t) {
        return Definition.of(Shapes.constantFactor(a.real("value"), a.real("factor"), t, a.integer("begin"),
                a.integer("end")));
    }
}
