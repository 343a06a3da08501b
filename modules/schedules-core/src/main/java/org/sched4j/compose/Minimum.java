package org.sched4j.compose;

import org.sched4j.expr.Ex;
import org.sched4j.expr.IntExpr;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;

/** {@code min}: the smallest of the children's values at the same step. */
final class Minimum extends BaseType {
    Minimum() {
        super("min", "min(schedules[0](t), schedules[1](t), ...)", Param.schedules("schedules").minSize(1));
    }

    @Override
    public Definition define(Args a, IntExpr t) {
        return Definition.of(Children.fold(a, "schedules", t, Ex::min));
    }
}
