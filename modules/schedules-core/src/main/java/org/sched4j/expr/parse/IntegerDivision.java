package org.sched4j.expr.parse;

import org.sched4j.expr.BinaryOp;
import org.sched4j.expr.Ex;
import org.sched4j.expr.IntExpr;

/**
 * Python's integer {@code //} and {@code %} by a constant, built so that every evaluator computes them on
 * a non-negative dividend and a positive divisor. The vector backends' INT64 floor division rounds toward
 * zero for a negative operand, unlike the scalar reference ({@link Math#floorDiv}); user expressions can
 * produce negative integers (e.g. {@code (step - 100) // 7}), so a dividend that may be negative is first
 * shifted by a multiple of the divisor.
 */
final class IntegerDivision {
    /** A multiple of the divisor near 2^61 is added to a possibly negative dividend. */
    private static final long SHIFT_TARGET = 1L << 61;

    private IntegerDivision() {
    }

    /** {@code floor(a / b)}. */
    static IntExpr floorDiv(IntExpr a, long b) {
        if (b < 0) {
            return floorDiv(negate(a), -b);
        }
        if (nonNegative(a)) {
            return Ex.floorDiv(a, b);
        }
        long shift = SHIFT_TARGET / b * b;
        return Ex.sub(Ex.floorDiv(Ex.add(a, shift), b), shift / b);
    }

    /** {@code a - b * floor(a / b)}: the result has the sign of {@code b}. */
    static IntExpr floorMod(IntExpr a, long b) {
        if (b < 0) {
            return negate(floorMod(negate(a), -b));
        }
        if (nonNegative(a)) {
            return Ex.floorMod(a, b);
        }
        return Ex.floorMod(Ex.add(a, SHIFT_TARGET / b * b), b);
    }

    private static IntExpr negate(IntExpr a) {
        return Ex.op(BinaryOp.SUB, Ex.integer(0), a);
    }

    /** Whether {@code x} is provably {@code >= 0} for every step (steps are never negative). */
    static boolean nonNegative(IntExpr x) {
        if (x instanceof IntExpr.Step || x instanceof IntExpr.CountAtMost) {
            return true;
        }
        if (x instanceof IntExpr.Const c) {
            return c.value() >= 0;
        }
        IntExpr.Binary b = (IntExpr.Binary) x;
        switch (b.op()) {
            case ADD:
            case MUL:
            case MIN:
                return nonNegative(b.left()) && nonNegative(b.right());
            case MAX:
                return nonNegative(b.left()) || nonNegative(b.right());
            case FLOOR_DIV:
            case FLOOR_MOD:
                return nonNegative(b.left()) && b.right() instanceof IntExpr.Const d && d.value() > 0;
            default:
                return false;
        }
    }
}
