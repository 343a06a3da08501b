package org.sched4j.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
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
 * {@code sequential}: child {@code i} runs from {@code boundaries[i-1]} on at its own local step. With
 * {@code mode = "restart"} each child starts from its own value at local step 0 (Optax's join_schedules,
 * PyTorch's SequentialLR); with {@code "continue"} each later child is scaled so that it starts from the
 * value the previous part would have reached at the boundary.
 */
public final class SequentialJoin extends BaseType {
    /** Mode where each child starts from its own value. */
    public static final String RESTART = "restart";
    /** Mode where each later child continues from the value reached. */
    public static final String CONTINUE = "continue";

    SequentialJoin() {
        super("sequential", "schedules[i] from boundaries[i-1] on, each seeing its own local step",
                Param.schedules("schedules").minSize(1), Param.integers("boundaries").atLeast(1).strictlyIncreasing(),
                Param.choice("mode", RESTART, CONTINUE).optional(RESTART));
    }

    @Override
    public void check(Args a) {
        List<Schedule> children = a.nested("schedules", Schedule.class);
        checkCounts(children.size(), a.integers("boundaries").length, "boundaries");
        if (a.choice("mode").equals(CONTINUE)) {
            for (int i = 1; i < children.size(); i++) {
                if (startOf(children.get(i)) instanceof RealExpr.Const c && c.value() == 0) {
                    throw new SpecException("schedules[" + i + "]", "is 0 at its step 0, so mode \"continue\" "
                            + "cannot scale it to start from the value reached; use mode \"restart\" or a child "
                            + "that starts away from 0");
                }
            }
        }
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
        List<Schedule> children = a.nested("schedules", Schedule.class);
        long[] boundaries = a.integers("boundaries");
        if (a.choice("mode").equals(CONTINUE)) {
            return Definition.of(joinContinuing(children, boundaries, t));
        }
        return Definition.of(join(children, boundaries, t));
    }

    /** The join of child schedules, each seeing {@code t - boundary}. */
    public static RealExpr join(List<Schedule> children, long[] boundaries, IntExpr t) {
        List<Function<IntExpr, RealExpr>> parts = new ArrayList<>();
        for (Schedule child : children) {
            parts.add(local -> child.define(local).value());
        }
        return Shapes.join(parts, boundaries, t);
    }

    /**
     * The join where child {@code i >= 1} is multiplied by {@code reached / child_i(0)}: {@code reached} is
     * the value part {@code i-1} (already scaled) has at its own end, the step {@code boundaries[i-1]}. The
     * factors are constants of the definition.
     */
    public static RealExpr joinContinuing(List<Schedule> children, long[] boundaries, IntExpr t) {
        List<Function<IntExpr, RealExpr>> parts = new ArrayList<>();
        RealExpr scale = Ex.real(1);
        for (int i = 0; i < children.size(); i++) {
            Schedule child = children.get(i);
            if (i > 0) {
                long length = boundaries[i - 1] - (i == 1 ? 0 : boundaries[i - 2]);
                RealExpr reached = Ex.mul(scale, children.get(i - 1).define(Ex.integer(length)).value());
                scale = Ex.div(reached, startOf(child));
            }
            RealExpr factor = scale;
            parts.add(local -> Ex.mul(factor, child.define(local).value()));
        }
        return Shapes.join(parts, boundaries, t);
    }

    private static RealExpr startOf(Schedule child) {
        return child.define(Ex.integer(0)).value();
    }
}
