package org.sched4j.dialect;

import static org.sched4j.expr.Ex.add;
import static org.sched4j.expr.Ex.div;
import static org.sched4j.expr.Ex.floorDiv;
import static org.sched4j.expr.Ex.integer;
import static org.sched4j.expr.Ex.max;
import static org.sched4j.expr.Ex.mul;
import static org.sched4j.expr.Ex.op;
import static org.sched4j.expr.Ex.pow;
import static org.sched4j.expr.Ex.real;
import static org.sched4j.expr.Ex.toReal;

import org.sched4j.expr.BinaryOp;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;

/**
 * Formulas that the MindSpore and Keras dialects share and {@link org.sched4j.catalog.Shapes} does not
 * have: inverse-time decay and the polynomial decay whose horizon stretches by whole periods. Integer work
 * (floors, ceilings, the horizon) is exact on the step.
 */
public final class PeerShapes {
    private PeerShapes() {
    }

    /** {@code initial / (1 + rate * p)}, {@code p = t / steps}, floored when {@code staircase}. */
    public static RealExpr inverseTime(double initial, IntExpr t, double rate, long steps, boolean staircase) {
        RealExpr p = staircase ? toReal(floorDiv(t, steps)) : div(toReal(t), real(steps));
        return div(real(initial), add(real(1), mul(real(rate), p)));
    }

    /**
     * {@code (initial - fin) * (1 - t / D)^power + fin} with the horizon {@code D = steps * max(ceil(t /
     * steps), 1)}: the decay restarts after each multiple of {@code steps} and reaches {@code fin} exactly
     * on it. {@code 1 - t / D} is computed as {@code (D - t) / D} from the exact integers.
     */
    public static RealExpr stretchingPolynomial(double initial, double fin, IntExpr t, long steps, double power) {
        IntExpr periods = max(floorDiv(add(t, steps - 1), steps), 1);
        IntExpr horizon = op(BinaryOp.MUL, periods, integer(steps));
        RealExpr left = div(toReal(op(BinaryOp.SUB, horizon, t)), toReal(horizon));
        return add(real(fin), mul(real(initial - fin), pow(left, real(power))));
    }
}
