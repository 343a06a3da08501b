package org.sched4j.catalog;

import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;
import org.sched4j.schedule.BaseType;
import org.sched4j.schedule.Definition;
import org.sched4j.spec.Args;
import org.sched4j.spec.Param;
import org.sched4j.spec.SpecException;

/**
 * {@code one_cycle}: PyTorch OneCycleLR. From {@code peak / div_factor} up to {@code peak} until step
 * {@code pct_start * N - 1}, then down to {@code peak / div_factor / final_div_factor} at step {@code N - 1}
 * (three phases: back to the start at {@code 2 * pct_start * N - 2} first), then held at the value of step
 * {@code N - 1}; momentum the other way between {@code max_momentum} and {@code base_momentum}.
 */
public final class OneCycle extends BaseType {
    OneCycle() {
        super("one_cycle", "PyTorch OneCycleLR: warm up to peak, anneal to peak / div_factor / final_div_factor",
                Param.real("peak"), Param.integer("total_steps").atLeast(1),
                Param.real("pct_start").atLeast(0).atMost(1).optional(0.3),
                Param.choice("anneal", "cos", "linear").optional("cos"),
                Param.real("div_factor").greaterThan(0).optional(25.0),
                Param.real("final_div_factor").greaterThan(0).optional(1e4),
                Param.bool("three_phase").optional(false), Param.bool("cycle_momentum").optional(true),
                Param.real("base_momentum").optional(0.85), Param.real("max_momentum").optional(0.95));
    }

    @Override
    public void check(Args a) {
        checkFirstPhase(a.real("pct_start"), a.integer("total_steps"));
    }

    /** PyTorch divides by the first phase's length at step 0: {@code pct_start * N - 1} must not be 0. */
    public static void checkFirstPhase(double pctStart, long total) {
        if (Shapes.oneCycleEnds(total, pctStart, false)[0] == 0) {
            throw new SpecException("pct_start", "must not make pct_start * total steps 1 (a first phase of "
                    + "length 0, which PyTorch divides by), got " + pctStart + " of " + total);
        }
    }

    @Override
    public Definition define(Args a, IntExpr t) {
        return oneCycle(a.real("peak"), a.integer("total_steps"), a.real("pct_start"), a.choice("anneal").equals("cos"),
                a.real("div_factor"), a.real("final_div_factor"), a.bool("three_phase"), t,
                a.bool("cycle_momentum") ? new double[] {a.real("base_momentum"), a.real("max_momentum")} : null);
    }

    /**
     * OneCycleLR's rate and, given {@code {base, max}} momentum, its momentum at step {@code t}; from step
     * {@code total} on both hold their values at step {@code total - 1}.
     */
    public static Definition oneCycle(double peak, long total, double pctStart, boolean cosine, double divFactor,
            double finalDivFactor, boolean threePhase, IntExpr t, double[] momentum) {
        double initial = peak / divFactor;
        double min = initial / finalDivFactor;
        double[] ends = Shapes.oneCycleEnds(total, pctStart, threePhase);
        double[] lr = threePhase ? new double[] {initial, peak, initial, min} : new double[] {initial, peak, min};
        RealExpr value = Shapes.annealPhases(t, ends, lr, cosine);
        if (momentum == null) {
            return Definition.of(value);
        }
        double base = momentum[0];
        double max = momentum[1];
        double[] m = threePhase ? new double[] {max, base, max, max} : new double[] {max, base, max};
        return new Definition(value, Shapes.annealPhases(t, ends, m, cosine));
    }
}
