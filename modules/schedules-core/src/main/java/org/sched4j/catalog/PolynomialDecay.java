package org.sched4j.catalog;

import org.sched4j.expr.IntExpr;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;

/**
 * {@code polynomial}: from {@code initial} down (or up) to {@code final} along {@code (1 - s/D)^power}; with
 * {@code cycle} (Keras) {@code s = step} and {@code D} stretches to the next multiple of {@code decay_steps}.
 */
public final class PolynomialDecay extends BaseType {
    PolynomialDecay() {
        super("polynomial", "(initial - final) * (1 - min(step, decay_steps) / decay_steps)^power + final",
                Param.real("initial"), Param.real("final").optional(0.0), Param.integer("decay_steps").atLeast(1),
                Param.real("power").atLeast(0).optional(1.0), Param.bool("cycle").optional(false));
    }

    @Override
    public Definition define(Args a, IntExpr t) {
        if (a.bool("cycle")) {
            return Definition.of(Shapes.polynomialCycle(a.real("initial"), a.real("final"), t,
                    a.integer("decay_steps"), a.real("power")));
        }
        return Definition.of(Shapes.polynomial(a.real("initial"), a.real("final"), t, a.integer("decay_steps"),
                a.real("power")));
    }
}
