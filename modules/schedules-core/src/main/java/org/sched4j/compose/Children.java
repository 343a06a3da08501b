package org.sched4j.compose;

import java.util.List;
import java.util.function.BinaryOperator;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;
import org.sched4j.schedule.Schedule;
import org.sched4j.spec.Args;

/** How composites read their children: the value of each child at the same step, combined pairwise. */
final class Children {
    private Children() {
    }

    /** The child schedule under {@code key} at step {@code t}. */
    static RealExpr one(Args a, String key, IntExpr t) {
        return a.schedule(key, Schedule.class).define(t).value();
    }

    /** The children under {@code key}, all at step {@code t}, folded left to right with {@code combine}. */
    static RealExpr fold(Args a, String key, IntExpr t, BinaryOperator<RealExpr> combine) {
        List<Schedule> children = a.nested(key, Schedule.class);
        RealExpr out = children.get(0).define(t).value();
        for (Schedule child : children.subList(1, children.size())) {
            out = combine.apply(out, child.define(t).value());
        }
        return out;
    }
}
