package org.sched4j.dialect.keras;

import static org.sched4j.expr.Ex.add;
import static org.sched4j.expr.Ex.cos;
import static org.sched4j.expr.Ex.countAtMost;
import static org.sched4j.expr.Ex.div;
import static org.sched4j.expr.Ex.floorDiv;
import static org.sched4j.expr.Ex.floorMod;
import static org.sched4j.expr.Ex.lookup;
import static org.sched4j.expr.Ex.mul;
import static org.sched4j.expr.Ex.pow;
import static org.sched4j.expr.Ex.real;
import static org.sched4j.expr.Ex.sub;
import static org.sched4j.expr.Ex.toReal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.sched4j.catalog.Shapes;
import org.sched4j.eval.TableEvaluator;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;
import org.sched4j.spec.SpecException;

/** Keras's cosine formulas, with the restart cycles found exactly on the integer step. */
final class KerasShapes {
    /** The most restarts a schedule may begin before step 2^53 (each is one entry of the cycle tables). */
    static final int MAX_RESTARTS = 4096;

    private KerasShapes() {
    }

    /**
     * Keras's {@code CosineDecay}: without a warmup target, {@code initial * ((1 - alpha) * (1 + cos(pi *
     * min(t, D) / D)) / 2 + alpha)}; with one, a line from {@code initial} to {@code target} over
     * {@code warmupSteps}, then that cosine from {@code target} over the next {@code decaySteps}.
     */
    static RealExpr cosineDecay(double initial, long decaySteps, double alpha, Double target, long warmupSteps,
            IntExpr t) {
        if (target == null) {
            return Shapes.cosine(initial, initial * alpha, t, decaySteps, false);
        }
        double peak = target;
        Function<IntExpr, RealExpr> decay = s -> Shapes.cosine(peak, peak * alpha, s, decaySteps, false);
        if (warmupSteps == 0) {
            return decay.apply(t);
        }
        Function<IntExpr, RealExpr> warmup = s -> Shapes.linear(initial, peak, s, warmupSteps);
        return Shapes.join(List.of(warmup, decay), new long[] {warmupSteps}, t);
    }

    /**
     * Keras's {@code CosineDecayRestarts}: cycle {@code i} lasts {@code first * tMul^i} steps and peaks at
     * {@code mMul^i}; the value is {@code initial * ((1 - alpha) * mMul^i * (1 + cos(pi * x)) / 2 + alpha)},
     * {@code x} the fraction of the cycle done. The cycle is counted on the integer step against a table of
     * cycle starts, never through a logarithm of the step.
     */
    static RealExpr cosineRestarts(double initial, long first, double tMul, double mMul, double alpha, IntExpr t) {
        IntExpr cycle;
        RealExpr done;
        if (tMul == 1.0) {
            cycle = floorDiv(t, first);
            done = div(toReal(floorMod(t, first)), real(first));
        } else {
            double[] starts = cycleStarts(first, tMul);
            double[] lengths = new double[starts.length];
            long[] boundaries = new long[starts.length - 1];
            for (int i = 0; i < starts.length; i++) {
                lengths[i] = first * Math.pow(tMul, i);
                if (i > 0) {
                    boundaries[i - 1] = (long) Math.ceil(starts[i]);
                }
            }
            cycle = countAtMost(t, boundaries);
            done = div(sub(toReal(t), lookup(starts, cycle)), lookup(lengths, cycle));
        }
        RealExpr half = mul(real(0.5), add(real(1), cos(mul(real(Math.PI), done))));
        RealExpr scaled = mMul == 1.0 ? half : mul(pow(real(mMul), toReal(cycle)), half);
        return mul(real(initial), add(mul(real(1 - alpha), scaled), real(alpha)));
    }

    /**
     * The first step of each cycle, {@code first * (tMul^i - 1) / (tMul - 1)}, for every cycle that begins
     * by step 2^53. A start within the rounding of its own computation of a whole step is that step, so
     * {@code t_mul = 1.2} restarts where decimal arithmetic says (10, 22, 36.4 -> 37, ...).
     *
     * @throws SpecException on {@code t_mul} when more than {@link #MAX_RESTARTS} cycles would begin
     */
    static double[] cycleStarts(long first, double tMul) {
        List<Double> starts = new ArrayList<>();
        starts.add(0.0);
        for (int i = 1; ; i++) {
            double start = first * (Math.pow(tMul, i) - 1) / (tMul - 1);
            double whole = Math.rint(start);
            if (Math.abs(start - whole) <= Math.min(1e-6, (i + 16) * Math.ulp(start))) {
                start = whole;
            }
            if (start > TableEvaluator.MAX_STEP) {
                break;
            }
            if (i > MAX_RESTARTS) {
                throw new SpecException("t_mul", "must be 1 or far enough from 1 that at most " + MAX_RESTARTS
                        + " restarts begin before step 2^53 (got " + tMul + " with first_decay_steps " + first + ")");
            }
            starts.add(start);
        }
        return starts.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
