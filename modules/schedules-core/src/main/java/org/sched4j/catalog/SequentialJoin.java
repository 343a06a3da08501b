package org.sched4j.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.schedule.Schedule;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;
import org.sched4j.spec.SpecException;

/**
 * {@code sequential}: child {@code i} runs from {@code boundaries[i-1]} on, restarted at its own local
 * step 0 (Optax's join_schedules, PyTorch's SequentialLR).
 */
public final class SequentialJoin extends BaseType {
    SequentialJoin() {
        super("sequential", "schedules[i] from boundaries[i-1] on, each seeing its own local step",
                Param.schedules("schedules").minSize(1), Param.integers("boundaries").atLeast(1).strictlyIncreasing());
    }

    @Override
    public void check(Args a) {
        checkCounts(a.nested("schedules", Schedule.class).size(), a.integers("boundaries").length,
                "boundaries");
    }

    /** The rule every join shares: one boundary between each pair of children. */
    public static void checkCounts(int children, int boundaries, String field) {
        if (boundaries != children - 1) {
            throw new SpecException(field, "must have one element fewer than the schedules (" + (children - 1)
                    + "), got " + boundaries);
        }
    }

    @Override
    public Definition define(Args a, IntExpr t) {
        return Definition.of(join(a.nested("schedules", Schedule.class), a.integers("boundaries"), t));
    }

    /** The join of child schedules, each seeing {@code t - boundary}. */
    public static RealExpr join(List<Schedule> children, long[] boundaries, IntExpr t) {
        List<Function<IntExpr, RealExpr>> parts = new ArrayList<>();
        for (Schedule child : children) {
            parts.add(local -> child.define(local).value());
        }
        return Shapes.join(parts, boundaries, t);
    }
}
