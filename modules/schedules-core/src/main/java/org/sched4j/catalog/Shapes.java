package org.sched4j.catalog;

import static org.sched4j.expr.Ex.add;
import static org.sched4j.expr.Ex.cos;
import static org.sched4j.expr.Ex.countAtMost;
import static org.sched4j.expr.Ex.div;
import static org.sched4j.expr.Ex.floorDiv;
import static org.sched4j.expr.Ex.floorMod;
import static org.sched4j.expr.Ex.lt;
import static org.sched4j.expr.Ex.min;
import static org.sched4j.expr.Ex.mul;
import static org.sched4j.expr.Ex.pow;
import static org.sched4j.expr.Ex.real;
import static org.sched4j.expr.Ex.select;
import static org.sched4j.expr.Ex.sub;
import static org.sched4j.expr.Ex.toReal;

import java.util.List;
import java.util.function.Function;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;

/**
 * The schedule formulas, each written once as a pure function of the step expression; the native
 * catalogue and every peer dialect build their definitions from these.
 */
public final class Shapes {
    private Shapes() {
    }

    /** {@code initial * gamma^floor(t / size)}. */
    public static RealExpr stepDecay(double initial, IntExpr t, long size, double gamma) {
        return mul(real(initial), pow(real(gamma), toReal(floorDiv(t, size))));
    }

    /** {@code initial * gamma^(number of milestones <= t)}; repeated milestones count twice. */
    public static RealExpr multiStep(double initial, IntExpr t, long[] milestones, double gamma) {
        return mul(real(initial), pow(real(gamma), toReal(countAtMost(t, milestones))));
    }

    /** {@code values[i]} on {@code [b[i-1], b[i])}: the value switches at each boundary. */
    public static RealExpr piecewise(IntExpr t, long[] boundaries, double[] values) {
        return org.sched4j.expr.Ex.lookup(values, countAtMost(t, boundaries));
    }

    /** {@code initial * rate^(t / steps)}, the exponent floored when {@code staircase}. */
    public static RealExpr exponential(double initial, IntExpr t, double rate, long steps, boolean staircase) {
        RealExpr p = staircase ? toReal(floorDiv(t, steps)) : div(toReal(t), real(steps));
        return mul(real(initial), pow(real(rate), p));
    }

    /**
     * Half-cosine from {@code initial} to {@code fin} over {@code steps}: clamped at {@code fin} afterwards,
     * or, when {@code periodic}, rising back (PyTorch's CosineAnnealingLR, period {@code 2 * steps}). The
     * periodic phase is reduced exactly on the integer step, so large steps stay accurate.
     */
    public static RealExpr cosine(double initial, double fin, IntExpr t, long steps, boolean periodic) {
        IntExpr phase = periodic ? floorMod(t, 2 * steps) : min(t, steps);
        RealExpr half = mul(add(real(1), cos(mul(toReal(phase), real(Math.PI / steps)))), real(0.5));
        return add(real(fin), mul(real(initial - fin), half));
    }

    /** {@code (initial - fin) * (1 - min(t, steps) / steps)^power + fin}. */
    public static RealExpr polynomial(double initial, double fin, IntExpr t, long steps, double power) {
        RealExpr frac = div(toReal(min(t, steps)), real(steps));
        return add(real(fin), mul(real(initial - fin), pow(sub(real(1), frac), real(power))));
    }

    /** From {@code start} to {@code end} linearly over {@code steps}, then {@code end}. */
    public static RealExpr linear(double start, double end, IntExpr t, long steps) {
        RealExpr frac = div(toReal(min(t, steps)), real(steps));
        return add(real(start), mul(real(end - start), frac));
    }

    /**
     * Child {@code i} from boundary {@code i-1} on, seeing its own local step {@code t - boundary}.
     *
     * @param children the child definitions as functions of their local step
     * @param boundaries non-decreasing, one fewer than the children
     */
    public static RealExpr join(List<Function<IntExpr, RealExpr>> children, long[] boundaries, IntExpr t) {
        int last = children.size() - 1;
        RealExpr value = children.get(last).apply(last == 0 ? t : sub(t, boundaries[last - 1]));
        for (int i = last - 1; i >= 0; i--) {
            RealExpr child = children.get(i).apply(i == 0 ? t : sub(t, boundaries[i - 1]));
            value = select(lt(t, boundaries[i]), child, value);
        }
        return value;
    }
}
