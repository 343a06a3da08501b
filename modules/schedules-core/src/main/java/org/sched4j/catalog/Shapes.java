package org.sched4j.catalog;

import static org.sched4j.expr.Ex.add;
import static org.sched4j.expr.Ex.cos;
import static org.sched4j.expr.Ex.countAtMost;
import static org.sched4j.expr.Ex.div;
import static org.sched4j.expr.Ex.exp;
import static org.sched4j.expr.Ex.floorDiv;
import static org.sched4j.expr.Ex.floorMod;
import static org.sched4j.expr.Ex.integer;
import static org.sched4j.expr.Ex.le;
import static org.sched4j.expr.Ex.lookup;
import static org.sched4j.expr.Ex.lt;
import static org.sched4j.expr.Ex.max;
import static org.sched4j.expr.Ex.min;
import static org.sched4j.expr.Ex.mul;
import static org.sched4j.expr.Ex.pow;
import static org.sched4j.expr.Ex.real;
import static org.sched4j.expr.Ex.select;
import static org.sched4j.expr.Ex.sqrt;
import static org.sched4j.expr.Ex.sub;
import static org.sched4j.expr.Ex.toReal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.sched4j.expr.BinaryOp;
import org.sched4j.expr.Ex;
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
        return lookup(values, countAtMost(t, boundaries));
    }

    /** {@code initial * rate^(t / steps)}, the exponent floored when {@code staircase}. */
    public static RealExpr exponential(double initial, IntExpr t, double rate, long steps, boolean staircase) {
        return mul(real(initial), pow(real(rate), progress(t, steps, staircase)));
    }

    /** The decay progress {@code t / steps}, floored on the integer step when {@code staircase}. */
    public static RealExpr progress(IntExpr t, long steps, boolean staircase) {
        return staircase ? toReal(floorDiv(t, steps)) : div(toReal(t), real(steps));
    }

    /** {@code initial * exp(-rate * p)} for a progress expression {@code p}. */
    public static RealExpr naturalExp(double initial, double rate, RealExpr p) {
        return mul(real(initial), exp(mul(real(-rate), p)));
    }

    /** {@code initial / (1 + rate * p)} for a progress expression {@code p}. */
    public static RealExpr inverseTime(double initial, double rate, RealExpr p) {
        return div(real(initial), add(real(1), mul(real(rate), p)));
    }

    /** {@code value * factor} on {@code [begin, end)}, {@code value} elsewhere. */
    public static RealExpr constantFactor(double value, double factor, IntExpr t, long begin, long end) {
        RealExpr window = select(lt(t, end), real(value * factor), real(value));
        return begin <= 0 ? window : select(lt(t, begin), real(value), window);
    }

    /**
     * Half-cosine from {@code initial} to {@code fin} over {@code steps}: clamped at {@code fin} afterwards,
     * or, when {@code periodic}, rising back (PyTorch's CosineAnnealingLR, period {@code 2 * steps}). The
     * periodic phase is reduced exactly on the integer step, so large steps stay accurate.
     */
    public static RealExpr cosine(double initial, double fin, IntExpr t, long steps, boolean periodic) {
        return cosine(initial, fin, t, steps, periodic, 1.0);
    }

    /**
     * The half-cosine with Optax's {@code exponent}: {@code fin + (initial - fin) * ((1 + cos) / 2)^exponent};
     * exponent 1 is {@link #cosine(double, double, IntExpr, long, boolean)}.
     */
    public static RealExpr cosine(double initial, double fin, IntExpr t, long steps, boolean periodic,
            double exponent) {
        IntExpr phase = periodic ? floorMod(t, 2 * steps) : min(t, steps);
        RealExpr half = mul(add(real(1), cos(mul(toReal(phase), real(Math.PI / steps)))), real(0.5));
        return add(real(fin), mul(real(initial - fin), pow(half, real(exponent))));
    }

    /** {@code (initial - fin) * (1 - min(t, steps) / steps)^power + fin}. */
    public static RealExpr polynomial(double initial, double fin, IntExpr t, long steps, double power) {
        RealExpr frac = div(toReal(min(t, steps)), real(steps));
        return add(real(fin), mul(real(initial - fin), pow(sub(real(1), frac), real(power))));
    }

    /**
     * Keras' cycling polynomial decay (MindSpore's {@code update_decay_steps}): {@code (initial - fin) *
     * (1 - t / D)^power + fin} with {@code D = steps * max(ceil(t / steps), 1)}, so the decay restarts after
     * each multiple of {@code steps} and reaches {@code fin} exactly on it; {@code 1 - t / D} is computed as
     * {@code (D - t) / D} from the exact integers.
     */
    public static RealExpr polynomialCycle(double initial, double fin, IntExpr t, long steps, double power) {
        IntExpr horizon = Ex.mul(max(floorDiv(add(t, steps - 1), steps), 1), steps);
        RealExpr left = div(toReal(Ex.op(org.sched4j.expr.BinaryOp.SUB, horizon, t)), toReal(horizon));
        return add(real(fin), mul(real(initial - fin), pow(left, real(power))));
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

    // ---- restarts ----

    /** The most cycles {@link #cosineRestarts} tabulates for a {@code mult > 1} (all that start by step 2^53). */
    public static final int MAX_RESTART_CYCLES = 1024;

    private static final double LAST_STEP = 0x1p53;

    /**
     * Whether restart cycles of lengths {@code first * mult^i} can be used: {@code mult = 1}, or at most
     * {@link #MAX_RESTART_CYCLES} cycles start by step 2^53 ({@code mult} not too close to 1).
     */
    public static boolean restartsFit(long first, double mult) {
        return mult == 1.0 || restartTable(first, mult)[0].length > 0;
    }

    /** Rows: cycle starts (0 first) and cycle lengths, for the cycles starting at or before step 2^53. */
    private static double[][] restartTable(long first, double mult) {
        List<double[]> rows = new ArrayList<>();
        double start = 0;
        double length = first;
        while (start <= LAST_STEP) {
            if (rows.size() == MAX_RESTART_CYCLES) {
                return new double[][] {new double[0], new double[0]};
            }
            rows.add(new double[] {start, length});
            start += length;
            length *= mult;
        }
        double[][] out = new double[2][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            out[0][i] = rows.get(i)[0];
            out[1][i] = rows.get(i)[1];
        }
        return out;
    }

    /**
     * Cosine annealing with warm restarts (Keras' CosineDecayRestarts, PyTorch's
     * CosineAnnealingWarmRestarts): cycle {@code i} lasts {@code first * mult^i} steps and runs
     * {@code fin + (initial - fin) * peakDecay^i * (1 + cos(pi * x)) / 2}, {@code x} the fraction of the
     * cycle done. With {@code mult = 1} the cycle is found by integer division; otherwise by counting the
     * tabulated cycle starts (see {@link #restartsFit}), so restarts stay exact at any step.
     */
    public static RealExpr cosineRestarts(double initial, double fin, IntExpr t, long first, double mult,
            double peakDecay) {
        IntExpr cycle;
        RealExpr frac;
        if (mult == 1.0) {
            cycle = floorDiv(t, first);
            frac = div(toReal(floorMod(t, first)), real(first));
        } else {
            double[][] table = restartTable(first, mult);
            if (table[0].length == 0) {
                throw new IllegalArgumentException("more than " + MAX_RESTART_CYCLES + " restart cycles");
            }
            long[] bounds = new long[table[0].length - 1];
            for (int i = 0; i < bounds.length; i++) {
                bounds[i] = (long) Math.ceil(table[0][i + 1]);
            }
            cycle = countAtMost(t, bounds);
            frac = div(sub(toReal(t), lookup(table[0], cycle)), lookup(table[1], cycle));
        }
        RealExpr half = mul(add(real(1), cos(mul(frac, real(Math.PI)))), real(0.5));
        RealExpr peak = peakDecay == 1.0 ? half : mul(pow(real(peakDecay), toReal(cycle)), half);
        return add(real(fin), mul(real(initial - fin), peak));
    }

    // ---- cyclic ----

    /** PyTorch CyclicLR's cycle number, from 1, for cycles of {@code up + down} steps. */
    public static IntExpr cyclicCycle(IntExpr t, long up, long down) {
        return add(floorDiv(t, up + down), 1);
    }

    /**
     * The triangle of a cyclic schedule: 0 at each cycle start, 1 after {@code up} steps, back to 0 after
     * {@code down} more; the position in the cycle is exact on the integer step.
     */
    public static RealExpr cyclicTriangle(IntExpr t, long up, long down) {
        IntExpr pos = floorMod(t, up + down);
        RealExpr rising = div(toReal(pos), real(up));
        if (down == 0) {
            return rising;
        }
        RealExpr falling = div(toReal(Ex.op(BinaryOp.SUB, integer(up + down), pos)), real(down));
        return select(le(pos, up), rising, falling);
    }

    /**
     * The amplitude scale of PyTorch CyclicLR's modes: {@code triangular} 1, {@code triangular2}
     * {@code 1 / 2^(cycle - 1)}, {@code exp_range} {@code gamma^t}.
     */
    public static RealExpr cyclicScale(String mode, double gamma, IntExpr t, long up, long down) {
        switch (mode) {
            case "triangular": return real(1);
            case "triangular2": return pow(real(0.5), toReal(sub(cyclicCycle(t, up, down), 1)));
            case "exp_range": return pow(real(gamma), toReal(t));
            default: throw new IllegalArgumentException("unknown cyclic mode " + mode);
        }
    }

    /** {@code from + (to - from) * weight}. */
    public static RealExpr towards(double from, double to, RealExpr weight) {
        return add(real(from), mul(real(to - from), weight));
    }

    // ---- one cycle ----

    /**
     * PyTorch OneCycleLR's phase end steps, as the floats it computes: {@code pct * N - 1, N - 1}, or with
     * three phases {@code pct * N - 1, 2 * pct * N - 2, N - 1}.
     */
    public static double[] oneCycleEnds(long total, double pctStart, boolean threePhase) {
        if (threePhase) {
            return new double[] {pctStart * total - 1, 2 * pctStart * total - 2, total - 1};
        }
        return new double[] {pctStart * total - 1, total - 1};
    }

    /**
     * Anneals through {@code levels[0] -> levels[1] -> ...}: phase {@code i} runs from {@code ends[i-1]}
     * (0 for the first) to {@code ends[i]}, and a step belongs to the first phase whose end it does not pass,
     * else to the last (PyTorch OneCycleLR's phase search). Steps past the last end hold the value there.
     *
     * @param levels one more than {@code ends}
     * @param cosine cosine annealing, else linear
     */
    public static RealExpr annealPhases(IntExpr t, double[] ends, double[] levels, boolean cosine) {
        int last = ends.length - 1;
        IntExpr at = min(t, (long) Math.floor(ends[last]));
        RealExpr value = null;
        for (int i = last; i >= 0; i--) {
            double start = i == 0 ? 0 : ends[i - 1];
            RealExpr pct = div(sub(toReal(at), real(start)), real(ends[i] - start));
            RealExpr phase = anneal(levels[i], levels[i + 1], pct, cosine);
            value = i == last ? phase : select(le(at, (long) Math.floor(ends[i])), phase, value);
        }
        return value;
    }

    /**
     * PyTorch OneCycleLR's annealing from {@code start} to {@code end} as {@code pct} goes from 0 to 1:
     * cosine {@code end + (start - end) / 2 * (cos(pi * pct) + 1)} or linear {@code (end - start) * pct + start}.
     */
    public static RealExpr anneal(double start, double end, RealExpr pct, boolean cosine) {
        if (cosine) {
            return add(real(end), mul(real((start - end) / 2.0), add(cos(mul(real(Math.PI), pct)), real(1))));
        }
        return add(mul(real(end - start), pct), real(start));
    }

    // ---- warmup ----

    /**
     * A warmup of {@code steps} steps before a child that then runs at its local step {@code t - steps}.
     * With {@code v0} the child's value at its step 0, the warmup is {@code linear}
     * {@code v0 * (startFactor + (1 - startFactor) * t / steps)}, {@code constant} {@code startFactor * v0}
     * or {@code exponential} {@code v0 * startFactor^(1 - t / steps)}.
     */
    public static RealExpr warmup(Function<IntExpr, RealExpr> child, double v0, IntExpr t, long steps,
            String shape, double startFactor) {
        RealExpr warm;
        switch (shape) {
            case "linear":
                warm = mul(real(v0), linear(startFactor, 1.0, t, steps));
                break;
            case "constant":
                warm = real(startFactor * v0);
                break;
            case "exponential":
                warm = mul(real(v0), pow(real(startFactor), sub(real(1), div(toReal(min(t, steps)), real(steps)))));
                break;
            default:
                throw new IllegalArgumentException("unknown warmup shape " + shape);
        }
        return select(lt(t, steps), warm, child.apply(sub(t, steps)));
    }

    /**
     * Warmup-stable-decay: linear from {@code start} to {@code peak} over {@code warmup} steps, {@code peak}
     * for {@code stable} steps, then to {@code fin} over {@code decay} steps along {@code shape}
     * ({@code linear}, {@code cosine} or {@code 1-sqrt}: {@code fin + (peak - fin) * (1 - sqrt(p))}), then
     * {@code fin}.
     */
    public static RealExpr warmupStableDecay(double start, double peak, double fin, IntExpr t, long warmup,
            long stable, long decay, String shape) {
        RealExpr p = div(toReal(min(max(sub(t, warmup + stable), 0), decay)), real(decay));
        RealExpr down;
        switch (shape) {
            case "linear":
                down = add(real(peak), mul(real(fin - peak), p));
                break;
            case "cosine":
                down = add(real(fin), mul(real(peak - fin), mul(add(real(1), cos(mul(p, real(Math.PI)))),
                        real(0.5))));
                break;
            case "1-sqrt":
                down = add(real(fin), mul(real(peak - fin), sub(real(1), sqrt(p))));
                break;
            default:
                throw new IllegalArgumentException("unknown decay shape " + shape);
        }
        return warmup == 0 ? down : select(lt(t, warmup), linear(start, peak, t, warmup), down);
    }

    /**
     * The Transformer / fairseq inverse square root: linear from {@code start} to {@code peak} over
     * {@code warmup} steps, then {@code peak * sqrt(warmup / t)}.
     */
    public static RealExpr inverseSqrt(double start, double peak, IntExpr t, long warmup) {
        RealExpr decay = mul(real(peak), sqrt(div(real(warmup), toReal(max(t, warmup)))));
        return select(lt(t, warmup), linear(start, peak, t, warmup), decay);
    }

    /** {@code initial / (1 + exp(-gamma * (t - midpoint)))}, the offset exact on the integer step. */
    public static RealExpr sigmoid(double initial, double gamma, IntExpr t, long midpoint) {
        return div(real(initial), add(real(1), exp(mul(real(-gamma), toReal(sub(t, midpoint))))));
    }
}
