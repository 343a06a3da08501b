package org.sched4j.catalog;

import org.sched4j.expr.Ex;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.schedule.Schedule;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;
import org.sched4j.spec.SpecException;

/**
 * {@code warmup}: {@code warmup_steps} of warmup towards {@code v0}, the nested schedule's value at its step
 * 0, then the nested schedule at its local step {@code step - warmup_steps}. A nested momentum is held at its
 * step-0 value during the warmup.
 */
public final class Warmup extends BaseType {
    Warmup() {
        super("warmup", "linear: v0 * (start_factor + (1 - start_factor) * step / W); constant: start_factor * v0; "
                + "exponential: v0 * start_factor^(1 - step / W); then the schedule at step - W",
                Param.schedule("schedule"), Param.integer("warmup_steps").atLeast(1),
                Param.choice("shape", "linear", "constant", "exponential").optional("linear"),
                Param.real("start_factor").atLeast(0).optional(0.0));
    }

    @Override
    public void check(Args a) {
        if (a.choice("shape").equals("exponential") && a.real("start_factor") == 0) {
            throw new SpecException("start_factor", "must be > 0 with the exponential shape (got 0)");
        }
    }

    @Override
    public Definition define(Args a, IntExpr t) {
        Schedule child = a.schedule("schedule", Schedule.class);
        long steps = a.integer("warmup_steps");
        RealExpr value = Shapes.warmup(local -> child.define(local).value(), child.value(0), t, steps,
                a.choice("shape"), a.real("start_factor"));
        if (!child.hasMomentum()) {
            return Definition.of(value);
        }
        RealExpr after = child.define(Ex.sub(t, steps)).momentum();
        return new Definition(value, Ex.select(Ex.lt(t, steps), Ex.real(child.momentum(0)), after));
    }
}
