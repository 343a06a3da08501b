package org.sched4j.catalog;

import java.util.Map;
import org.sched4j.expr.Ex;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;
import org.sched4j.expr.parse.ExpressionParser;
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
                Param.real("gamma").greaterThan(0).optional(1.0), SCALE_FN, SCALE_MODE,
                Param.bool("cycle_momentum").optional(false),
                Param.real("base_momentum").optional(0.8), Param.real("max_momentum").optional(0.9));
    }

    /** A custom amplitude scale: an expression of {@code x}, PyTorch's {@code scale_fn(x)}; replaces the mode's. */
    public static final Param SCALE_FN = Param.string("scale_fn").orNone();
    /** What {@code x} is in {@code scale_fn}: the cycle number from 1 ({@code cycle}) or the step. */
    public static final Param SCALE_MODE = Param.choice("scale_mode", "cycle", "iterations").optional("cycle");

    @Override
    public void check(Args a) {
        if (a.has("scale_fn")) {
            scale(a, Ex.step(), a.integer("step_size_up"), a.integer("step_size_down"));
        }
    }

    @Override
    public Definition define(Args a, IntExpr t) {
        long up = a.integer("step_size_up");
        long down = a.integer("step_size_down");
        return cyclic(a.real("base"), a.real("peak"), t, up, down, scale(a, t, up, down), momentum(a));
    }

    /**
     * The amplitude scale: {@code scale_fn} of {@code x} (the cycle number or the step, by
     * {@code scale_mode}) when given, as PyTorch does; otherwise the {@code mode}'s.
     */
    public static RealExpr scale(Args a, IntExpr t, long up, long down) {
        if (!a.has("scale_fn")) {
            return Shapes.cyclicScale(a.choice("mode"), a.real("gamma"), t, up, down);
        }
        IntExpr x = a.choice("scale_mode").equals("cycle") ? Shapes.cyclicCycle(t, up, down) : t;
        return ExpressionParser.parse("scale_fn", a.string("scale_fn"), Map.of("x", x));
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
