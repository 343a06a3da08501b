package org.sched4j.catalog;

import org.sched4j.expr.Ex;
import org.sched4j.expr.IntExpr;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;

/** {@code constant}: the same value at every step. */
public final class Constant extends BaseType {
    Constant() {
        super("constant", "the same value at every step", Param.real("value"));
    }

    @Override
    public Definition define(Args a, IntExpr t) {
        return Definition.of(Ex.real(a.real("value")));
    }
}
