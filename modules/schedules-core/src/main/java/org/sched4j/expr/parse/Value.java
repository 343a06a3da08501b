package org.sched4j.expr.parse;

import org.sched4j.expr.Ex;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;

/**
 * A parsed sub-expression with Python's type: an exact integer ({@code int}) or a real ({@code float}).
 * Exactly one of the two fields is set.
 *
 * @param integer the integer expression, or null for a real
 * @param real the real expression, or null for an integer
 */
record Value(IntExpr integer, RealExpr real) {
    static Value of(IntExpr x) {
        return new Value(x, null);
    }

    static Value of(RealExpr x) {
        return new Value(null, x);
    }

    boolean isInteger() {
        return integer != null;
    }

    /** The value as a real (Python's {@code float(x)}). */
    RealExpr asReal() {
        return integer != null ? Ex.toReal(integer) : real;
    }

    /** Whether the value folded to a constant. */
    boolean isConstant() {
        return integer instanceof IntExpr.Const || real instanceof RealExpr.Const;
    }

    /** The constant as a double; only for {@link #isConstant() constants}. */
    double constant() {
        return integer instanceof IntExpr.Const c ? c.value() : ((RealExpr.Const) real).value();
    }

    /** Whether the value is the constant zero (of either type). */
    boolean isZero() {
        return isConstant() && constant() == 0;
    }
}
