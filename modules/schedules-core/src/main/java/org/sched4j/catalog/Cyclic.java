package org.sched4j.catalog;

import org.sched4j.expr.Ex;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;

/**
 * {@code cyclic}: PyTorch CyclicLR's triangle between {@code base} and {@code peak} (up over
 * {@code step_size_up} steps, down over {@code step_size_down}), its amplitude scaled by the mode; with
 * {@code cycle_momentum} a momentum moving the other way between {@code max_momentum} and
 * {@code base_momentum}.
 */
public final class Cyclic extends BaseType {
    Cyclic() {
        super("cyclic", "base + (peak - base) * triangle(step) * scale(mode); momentum the other way",
                Param.real("base"), Param.real("peak"), Param.integer("step_size_up").atLeast(1),
                Param.integer("step_size_down").atLeast(0).optionalSameAs("step_size_up"),
                Param.choice("mode", "triangular", "triangular2", "exp_range").optional("triangular"),
                Param.real("gamma").greaterThan(0).optional(1.0), Param.bool("cycle_momentum").optional(false),
                Param.real("base_momentum").optional(0.8), Param.real("max_momentum").optional(0.9));
    }

    @Override
    public Definition define(Args a, IntExpr t) {
        long up = a.integer("step_size_up");
        long down = a.integer("step_size_down");
        return cyclic(a.real("base"), a.real("peak"), t, up, down,
                Shapes.cyclicScale(a.choice("mode"), a.real("gamma"), t, up, down), momentum(a));
    }

    /** The {@code {base_momentum, max_momentum}} to cycle, or null without {@code cycle_momentum}. */
    public static double[] momentum(Args a) {
        return a.bool("cycle_momentum") ? new double[] {a.real("base_momentum"), a.real("max_momentum")} : null;
    }

    /**
     * The cyclic value {@code base + (peak - base) * triangle * scale} and, given {@code {base, max}}
     * momentum, {@code max - (max - base) * triangle * scale}.
     *
     * @param scale the amplitude scale: a mode's ({@link Shapes#cyclicScale}) or any expression of the step
     * @param momentum {@code {base_momentum, max_momentum}}, or null for no momentum
     */
    public static Definition cyclic(double base, double peak, IntExpr t, long up, long down, RealExpr scale,
            double[] momentum) {
        RealExpr weight = Ex.mul(Shapes.cyclicTriangle(t, up, down), scale);
        RealExpr value = Shapes.towards(base, peak, weight);
        return new Definition(value, momentum == null ? null : Shapes.towards(momentum[1], momentum[0], weight));
    }
}
