package org.sched4j.catalog;

import org.sched4j.expr.IntExpr;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;
import org.sched4j.spec.SpecException;

/** {@code piecewise}: {@code values[0]} before the first boundary, {@code values[i]} from boundary i-1 on. */
public final class PiecewiseConstant extends BaseType {
    PiecewiseConstant() {
        super("piecewise", "values[i] for boundaries[i-1] <= step < boundaries[i]",
                Param.integers("boundaries").atLeast(1).strictlyIncreasing(), Param.reals("values").minSize(1));
    }

    @Override
    public void check(Args a) {
        int b = a.integers("boundaries").length;
        int v = a.reals("values").length;
        if (v != b + 1) {
            throw new SpecException("values", "must have one more element than boundaries (" + (b + 1)
                    + "), got " + v);
        }
    }

    @Override
    public Definition define(Args a, IntExpr t) {
        return Definition.of(Shapes.piecewise(t, a.integers("boundaries"), a.reals("values")));
    }
}
