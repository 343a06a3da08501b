package org.sched4j.expr;

import java.util.function.Function;

/**
 * Interval arithmetic on integer expressions: the range {@code [lo, hi]} an expression can take, given the
 * ranges known for some of its sub-expressions (the step's, or an operand's inside a select branch).
 */
public final class IntRanges {
    private IntRanges() {
    }

    /**
     * The range {@code [lo, hi]} of {@code e}, or null where it is unknown: what {@code known} gives (null for
     * unknown), constants, and what {@code + - * min max // mod} and milestone counts make of known ranges
     * without overflow.
     */
    public static long[] of(IntExpr e, Function<IntExpr, long[]> known) {
        long[] given = known.apply(e);
        if (given != null) {
            return given;
        }
        if (e instanceof IntExpr.Const k) {
            return new long[] {k.value(), k.value()};
        }
        if (e instanceof IntExpr.CountAtMost c) {
            long[] r = of(c.x(), known);
            return r == null ? null : new long[] {c.count(r[0]), c.count(r[1])};
        }
        if (!(e instanceof IntExpr.Binary b)) {
            return null;
        }
        long[] q = of(b.right(), known);
        if (b.op() == BinaryOp.FLOOR_MOD && q != null && q[0] == q[1] && q[0] > 0) {
            long k = q[0];
            long[] p = of(b.left(), known);
            boolean onePeriod = p != null && Math.floorDiv(p[0], k) == Math.floorDiv(p[1], k);
            return onePeriod ? new long[] {Math.floorMod(p[0], k), Math.floorMod(p[1], k)} : new long[] {0, k - 1};
        }
        long[] p = of(b.left(), known);
        if (p == null || q == null) {
            return null;
        }
        try {
            return switch (b.op()) {
                case ADD -> new long[] {Math.addExact(p[0], q[0]), Math.addExact(p[1], q[1])};
                case SUB -> new long[] {Math.subtractExact(p[0], q[1]), Math.subtractExact(p[1], q[0])};
                case MIN -> new long[] {Math.min(p[0], q[0]), Math.min(p[1], q[1])};
                case MAX -> new long[] {Math.max(p[0], q[0]), Math.max(p[1], q[1])};
                case MUL -> q[0] == q[1] && q[0] >= 0 ? new long[] {Math.multiplyExact(p[0], q[0]),
                        Math.multiplyExact(p[1], q[0])} : null;
                case FLOOR_DIV -> q[0] == q[1] && q[0] > 0 ? new long[] {Math.floorDiv(p[0], q[0]),
                        Math.floorDiv(p[1], q[0])} : null;
                default -> null;
            };
        } catch (ArithmeticException overflow) {
            return null;
        }
    }

    /** The range {@code [lo, hi]} of x where {@code op(x, k)} is {@code holds}, or null if not an interval. */
    public static long[] where(CompareOp op, long k, boolean holds) {
        CompareOp o = holds ? op : negate(op);
        return switch (o) {
            case LT -> k == Long.MIN_VALUE ? null : new long[] {Long.MIN_VALUE, k - 1};
            case LE -> new long[] {Long.MIN_VALUE, k};
            case GT -> k == Long.MAX_VALUE ? null : new long[] {k + 1, Long.MAX_VALUE};
            case GE -> new long[] {k, Long.MAX_VALUE};
            case EQ -> new long[] {k, k};
            case NE -> null;
        };
    }

    /** The values in both ranges (either one where the other is null, unknown), or null if they do not meet. */
    public static long[] intersect(long[] a, long[] b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        long lo = Math.max(a[0], b[0]);
        long hi = Math.min(a[1], b[1]);
        return lo <= hi ? new long[] {lo, hi} : null;
    }

    private static CompareOp negate(CompareOp op) {
        return switch (op) {
            case LT -> CompareOp.GE;
            case LE -> CompareOp.GT;
            case GT -> CompareOp.LE;
            case GE -> CompareOp.LT;
            case EQ -> CompareOp.NE;
            case NE -> CompareOp.EQ;
        };
    }
}
