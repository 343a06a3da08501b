package org.sched4j.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sched4j.expr.Ex.integer;
import static org.sched4j.expr.Ex.real;
import static org.sched4j.expr.Ex.step;
import static org.sched4j.expr.Ex.toReal;

import java.util.Random;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.sched4j.eval.ScalarEvaluator;

/**
 * The two simplifications {@link Ex} makes for smaller graphs change no value, bit for bit: folding a
 * power-of-two scale into a constant factor, and dropping a clamp a select's condition already implies.
 */
class FoldingAndNarrowingTest {
    @Test
    void powerOfTwoScalesFoldIntoOneMultiply() {
        Random random = new Random(7);
        RealExpr x = Ex.add(toReal(step()), real(0.1));
        for (int i = 0; i < 200; i++) {
            double k = (random.nextDouble() - 0.5) * Math.exp(random.nextGaussian() * 5);
            double c = Math.scalb(1.0, random.nextInt(40) - 20) * (random.nextBoolean() ? 1 : -1);
            RealExpr folded = Ex.mul(real(k), Ex.mul(x, real(c)));
            RealExpr literal = new RealExpr.Binary(BinaryOp.MUL, real(k), new RealExpr.Binary(BinaryOp.MUL, x,
                    real(c)));
            assertThat(folded.toString().split("MUL", -1)).as(folded.toString()).hasSize(2);
            sameBits(folded, literal, 0, 5000);
        }
        // Neither factor a power of two: rounding would differ, so nothing folds.
        RealExpr kept = Ex.mul(real(0.3), Ex.mul(x, real(0.7)));
        assertThat(kept).isEqualTo(new RealExpr.Binary(BinaryOp.MUL, real(0.3), new RealExpr.Binary(BinaryOp.MUL,
                x, real(0.7))));
    }

    @Test
    void aWarmupClampDropsOutBelowItsBoundary() {
        IntExpr t = step();
        RealExpr warmup = Ex.mul(real(0.1), Ex.div(toReal(Ex.min(t, 500)), real(500)));
        RealExpr after = Ex.add(real(0.1), Ex.mul(real(-1e-5), toReal(Ex.sub(t, 500))));
        RealExpr narrowed = Ex.select(Ex.lt(t, 500), warmup, after);
        RealExpr literal = new RealExpr.Select(Ex.lt(t, 500), warmup, after);
        assertThat(narrowed.toString()).doesNotContain("MIN");
        sameBits(narrowed, literal, 0, 2000);
    }

    @Test
    void aSelectDecidedByAnOuterConditionFolds() {
        IntExpr t = step();
        RealExpr inner = Ex.select(Ex.lt(t, 100), real(1), Ex.select(Ex.lt(t, 50), real(2), toReal(t)));
        RealExpr outer = Ex.select(Ex.lt(t, 10), inner, real(3));
        // Below 10 the inner conditions t < 100 and t < 50 always hold.
        assertThat(outer).isEqualTo(new RealExpr.Select(Ex.lt(t, 10), real(1), real(3)));
        RealExpr counts = Ex.select(Ex.compare(CompareOp.GE, t, integer(1000)),
                toReal(Ex.countAtMost(t, new long[] {10, 20, 999})), real(-1));
        assertThat(counts).isEqualTo(new RealExpr.Select(Ex.compare(CompareOp.GE, t, integer(1000)), real(3),
                real(-1)));
    }

    private static void sameBits(RealExpr a, RealExpr b, long from, long to) {
        LongToDoubleFunction fa = ScalarEvaluator.compile(a);
        LongToDoubleFunction fb = ScalarEvaluator.compile(b);
        for (long s = from; s < to; s++) {
            assertThat(Double.doubleToLongBits(fa.applyAsDouble(s))).as("step " + s)
                    .isEqualTo(Double.doubleToLongBits(fb.applyAsDouble(s)));
        }
    }
}
