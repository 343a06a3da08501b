package org.sched4j.catalog;

import org.sched4j.expr.IntExpr;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;

/** {@code sigmoid}: a logistic curve, half of {@code initial} at {@code midpoint}; rises for gamma > 0. */
public final class Sigmoid extends BaseType {
    Sigmoid() {
        super("sigmoid", "initial / (1 + exp(-gamma * (step - midpoint)))",
                Param.real("initial"), Param.real("gamma"), Param.integer("midpoint"));
    }

    @Override
    public Definition define(Args a, IntExpr t) {
        return Definition.of(Shapes.sigmoid(a.real("initial"), a.real("gamma"), t, a.integer("midpoint")));
    }
}
