package org.sched4j.dialect.optax;

import static org.sched4j.expr.Ex.add;
import static org.sched4j.expr.Ex.compare;
import static org.sched4j.expr.Ex.cos;
import static org.sched4j.expr.Ex.countAtMost;
import static org.sched4j.expr.Ex.div;
import static org.sched4j.expr.Ex.integer;
import static org.sched4j.expr.Ex.lookup;
import static org.sched4j.expr.Ex.lt;
import static org.sched4j.expr.Ex.max;
import static org.sched4j.expr.Ex.min;
import static org.sched4j.expr.Ex.mul;
import static org.sched4j.expr.Ex.pow;
import static org.sched4j.expr.Ex.real;
import static org.sched4j.expr.Ex.select;
import static org.sched4j.expr.Ex.sub;
import static org.sched4j.expr.Ex.toReal;

import java.util.List;
import java.util.SortedMap;
import java.util.function.Function;
import org.sched4j.catalog.Shapes;
import org.sched4j.expr.CompareOp;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;

/**
 * Optax's schedule formulas ({@code optax/schedules/_schedule.py}, {@code _join.py}) as expressions of the
 * step, in Optax's order of operations, including its early returns for degenerate arguments.
 */
final class OptaxShapes {
    private OptaxShapes() {
    }

    /**
     * {@code polynomial_schedule}: {@code (init - end) * (1 - c / T)^power + end}, {@code c = clip(t - begin,
     * 0, T)}; {@code T <= 0} is the constant {@code init}, a negative begin counts as 0.
     */
    static RealExpr polynomial(double init, double end, double power, long steps, long begin, IntExpr t) {
        if (steps <= 0) {
            return real(init);
        }
        IntExpr count = max(sub(t, Math.max(begin, 0)), 0);
        return Shapes.polynomial(init, end, count, steps, power);
    }

    /**
     * {@code exponential_decay}: {@code init} until {@code t - begin <= 0}, then {@code init * rate^((t -
     * begin) / T)} (floored when staircase), then clipped at {@code end} from below if {@code rate < 1}, else
     * from above. {@code T <= 0} or {@code rate == 0} is the constant {@code init}, unclipped.
     */
    static RealExpr exponential(double init, long steps, double rate, long begin, boolean staircase, Double end,
            IntExpr t) {
        if (steps <= 0 || rate == 0) {
            return real(init);
        }
        long from = Math.max(begin, 0);
        RealExpr decayed = Shapes.exponential(init, sub(t, from), rate, steps, staircase);
        RealExpr value = select(compare(CompareOp.LE, t, integer(from)), real(init), decayed);
        if (end == null) {
            return value;
        }
        return rate < 1 ? max(value, real(end)) : min(value, real(end));
    }

    /**
     * {@code cosine_decay_schedule}: {@code init * ((1 - alpha) * (0.5 * (1 + cos(pi * c / D)))^exponent +
     * alpha)} with {@code c = min(t, D)}.
     */
    static RealExpr cosineDecay(double init, long steps, double alpha, double exponent, IntExpr t) {
        RealExpr count = toReal(min(t, steps));
        RealExpr cosine = mul(real(0.5), add(real(1), cos(div(mul(real(Math.PI), count), real(steps)))));
        return mul(real(init), add(mul(real(1 - alpha), pow(cosine, real(exponent))), real(alpha)));
    }

    /**
     * {@code warmup_cosine_decay_schedule}: linear from {@code init} to {@code peak} over {@code warmup}, then a
     * cosine decay over {@code decaySteps - warmup} steps (decay_steps counts the warmup) with {@code alpha =
     * end / peak} (0 when peak is 0).
     */
    static RealExpr warmupCosine(double init, double peak, long warmup, long decaySteps, double end, double exponent,
            IntExpr t) {
        double alpha = peak == 0.0 ? 0.0 : end / peak;
        return join(List.of(local -> polynomial(init, peak, 1, warmup, 0, local),
                local -> cosineDecay(peak, decaySteps - warmup, alpha, exponent, local)), new long[] {warmup}, t);
    }

    /**
     * {@code join_schedules}: {@code out = schedules[0](t)}, then for each boundary in the given order {@code out
     * = t < b ? out : schedules[i + 1](t - b)}. For sorted boundaries this is {@link Shapes#join}; in any order
     * the last boundary passed (in list order) wins, as in Optax.
     */
    static RealExpr join(List<Function<IntExpr, RealExpr>> schedules, long[] boundaries, IntExpr t) {
        RealExpr out = schedules.get(0).apply(t);
        for (int i = 0; i < boundaries.length; i++) {
            out = select(lt(t, boundaries[i]), out, schedules.get(i + 1).apply(sub(t, boundaries[i])));
        }
        return out;
    }

    /** {@code piecewise_constant_schedule}: {@code init} times every scale whose step is {@code <= t}. */
    static RealExpr piecewiseConstant(double init, SortedMap<Long, Double> scales, IntExpr t) {
        double[] values = cumulative(init, scales);
        long[] steps = scales.keySet().stream().mapToLong(Long::longValue).toArray();
        return Shapes.piecewise(t, steps, values);
    }

    /**
     * {@code piecewise_interpolate_schedule}: with {@code bounds = (0, b1..bn)} and the cumulative products
     * {@code v} of {@code init} and the scales, interpolates from {@code v[k]} to {@code v[k+1]} over {@code
     * [bounds[k], bounds[k+1])} (length at least 1), then holds {@code v[n]} from {@code bn} on (steps >= 0).
     */
    static RealExpr piecewiseInterpolate(boolean cosine, double init, SortedMap<Long, Double> scales, IntExpr t) {
        int n = scales.size();
        double[] v = cumulative(init, scales);
        if (n == 0) {
            return real(init);
        }
        long[] b = scales.keySet().stream().mapToLong(Long::longValue).toArray();
        double[] start = new double[n];
        double[] length = new double[n];
        double[] from = new double[n];
        double[] to = new double[n];
        double[] rise = new double[n];
        double[] halfFall = new double[n];
        for (int k = 0; k < n; k++) {
            long s = k == 0 ? 0 : b[k - 1];
            start[k] = s;
            length[k] = Math.max(b[k] - s, 1);
            from[k] = v[k];
            to[k] = v[k + 1];
            rise[k] = v[k + 1] - v[k];
            halfFall[k] = (v[k] - v[k + 1]) / 2.0;
        }
        IntExpr k = countAtMost(t, b);
        RealExpr pct = div(sub(toReal(t), lookup(start, k)), lookup(length, k));
        RealExpr between = cosine
                ? add(lookup(to, k), mul(lookup(halfFall, k), add(cos(mul(real(Math.PI), pct)), real(1))))
                : add(mul(lookup(rise, k), pct), lookup(from, k));
        return select(lt(t, b[n - 1]), between, real(v[n]));
    }

    /** {@code init} followed by its running products with the scales, in step order. */
    private static double[] cumulative(double init, SortedMap<Long, Double> scales) {
        double[] v = new double[scales.size() + 1];
        v[0] = init;
        int i = 0;
        for (double s : scales.values()) {
            v[i + 1] = v[i] * s;
            i++;
        }
        return v;
    }
}
