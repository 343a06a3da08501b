package org.sched4j.dialect.mindspore;

import static org.sched4j.expr.Ex.exp;
import static org.sched4j.expr.Ex.floorDiv;
import static org.sched4j.expr.Ex.integer;
import static org.sched4j.expr.Ex.mul;
import static org.sched4j.expr.Ex.op;
import static org.sched4j.expr.Ex.real;
import static org.sched4j.expr.Ex.toReal;

import org.sched4j.expr.BinaryOp;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;

/** MindSpore's own formulas, on the exact integer step (or epoch). */
final class MindSporeShapes {
    private MindSporeShapes() {
    }

    /**
     * {@code initial * e^(-rate * p)} with MindSpore's {@code p}: the step itself, or, when {@code stair},
     * {@code floor(t / steps) * steps}. Unlike its documentation, MindSpore never divides by
     * {@code decay_steps}.
     */
    static RealExpr naturalExp(double initial, double rate, IntExpr t, long steps, boolean stair) {
        IntExpr p = stair ? op(BinaryOp.MUL, floorDiv(t, steps), integer(steps)) : t;
        return mul(real(initial), exp(mul(real(-rate), toReal(p))));
    }
}
