package org.sched4j.catalog;

import org.sched4j.expr.Ex;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.parse.ExpressionParser;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;

/**
 * {@code expression}: a value written as an arithmetic expression of {@code step} and {@code epoch}
 * ({@code step // steps_per_epoch}) in the language of {@link ExpressionParser}.
 */
public final class UserExpression extends BaseType {
    UserExpression() {
        super("expression", "expr, an arithmetic expression of step and epoch = step // steps_per_epoch",
                Param.string("expr"), Param.integer("steps_per_epoch").atLeast(1).optional(1));
    }

    @Override
    public void check(Args a) {
        define(a, Ex.step());
    }

    @Override
    public Definition define(Args a, IntExpr t) {
        return Definition.of(ExpressionParser.parse("expr", a.string("expr"), t, a.integer("steps_per_epoch")));
    }
}
