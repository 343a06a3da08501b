package org.sched4j.compose;

import org.sched4j.expr.Ex;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;

/**
 * {@code delay}: the child started {@code steps} later. From step {@code steps} on the value is
 * {@code schedule(t - steps)}; before it, {@code before} if given, else the child's own value at step 0
 * (the child sees {@code max(t - steps, 0)}).
 */
final class Delay extends BaseType {
    Delay() {
        super("delay", "before (default schedule(0)) while t < steps, then schedule(t - steps)",
                Param.schedule("schedule"), Param.integer("steps").atLeast(0), Param.real("before").orNone());
    }

    @Override
    public Definition define(Args a, IntExpr t) {
        long steps = a.integer("steps");
        RealExpr delayed = Children.one(a, "schedule", steps == 0 ? t : Ex.max(Ex.sub(t, steps), 0));
        if (!a.has("before")) {
            return Definition.of(delayed);
        }
        return Definition.of(Ex.select(Ex.lt(t, steps), Ex.real(a.real("before")), delayed));
    }
}
