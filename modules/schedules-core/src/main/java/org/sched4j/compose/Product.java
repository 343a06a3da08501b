package org.sched4j.compose;

import org.sched4j.expr.Ex;
import org.sched4j.expr.IntExpr;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;

/** {@code product}: the product of the children's values at the same step. */
final class Product extends BaseType {
    Product() {
        super("product", "schedules[0](t) * schedules[1](t) * ...", Param.schedules("schedules").minSize(1));
    }

    @Override
    public Definition define(Args a, IntExpr t) {
        return Definition.of(Children.fold(a, "schedules", t, Ex::mul));
    }
}
