package org.sched4j.expr;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Simplifies an expression knowing the range of one integer expression: in the warmup branch of a join
 * ({@code t < W}) a child's {@code min(t, W)} is just {@code t}, and over the steps of one table chunk past
 * the warmup the join's select is just its decay branch. Ranges of the other integer sub-expressions follow
 * by interval arithmetic ({@code t - 1000} over {@code [2000, 3000]} is in {@code [1000, 2000]}). Only exact
 * integer identities are used ({@code min}, {@code max}, milestone counts, floor divisions and comparisons
 * decided by the ranges), so every value in the range is unchanged, bit for bit, and the graph and table lose
 * the redundant ops.
 */
final class Narrowing implements ExprVisitor<Expr> {
    private final IntExpr x;
    private final long lo;
    private final long hi;
    private final Map<Expr, Expr> done = new IdentityHashMap<>();

    private Narrowing(IntExpr x, long lo, long hi) {
        this.x = x;
        this.lo = lo;
        this.hi = hi;
    }

    /** {@code e} simplified for {@code lo <= x <= hi}; {@code e} itself when nothing simplifies. */
    static RealExpr within(RealExpr e, IntExpr x, long lo, long hi) {
        return (RealExpr) new Narrowing(x, lo, hi).apply(e);
    }

    private Expr apply(Expr e) {
        Expr r = done.get(e);
        if (r == null) {
            r = e.accept(this);
            done.put(e, r);
        }
        return r;
    }

    private IntExpr integer(IntExpr e) {
        return (IntExpr) apply(e);
    }

    private RealExpr real(RealExpr e) {
        return (RealExpr) apply(e);
    }

    /** The range {@code [lo, hi]} of an integer expression (already narrowed), or null where it is unknown. */
    private long[] bounds(IntExpr e) {
        return IntRanges.of(e, v -> v.equals(x) ? new long[] {lo, hi} : null);
    }

    /** Whether {@code op(a, b)} holds for every value in the ranges (TRUE), for none (FALSE), or is open (null). */
    private Boolean decide(CompareOp op, IntExpr a, IntExpr b) {
        long[] p = bounds(a);
        long[] q = bounds(b);
        if (p == null || q == null) {
            return null;
        }
        boolean all = switch (op) {
            case LT -> p[1] < q[0];
            case LE -> p[1] <= q[0];
            case GT -> p[0] > q[1];
            case GE -> p[0] >= q[1];
            case EQ -> p[0] == p[1] && q[0] == q[1] && p[0] == q[0];
            case NE -> p[1] < q[0] || p[0] > q[1];
        };
        boolean none = switch (op) {
            case LT -> p[0] >= q[1];
            case LE -> p[0] > q[1];
            case GT -> p[1] <= q[0];
            case GE -> p[1] < q[0];
            case EQ -> p[1] < q[0] || p[0] > q[1];
            case NE -> p[0] == p[1] && q[0] == q[1] && p[0] == q[0];
        };
        return all ? Boolean.TRUE : none ? Boolean.FALSE : null;
    }

    @Override
    public Expr step(IntExpr.Step node) {
        return node;
    }

    @Override
    public Expr intConst(IntExpr.Const node) {
        return node;
    }

    @Override
    public Expr intBinary(IntExpr.Binary node) {
        IntExpr a = integer(node.left());
        IntExpr b = integer(node.right());
        if (node.op() == BinaryOp.MIN || node.op() == BinaryOp.MAX) {
            Boolean aFirst = decide(CompareOp.LE, a, b);
            if (aFirst == null && Boolean.TRUE.equals(decide(CompareOp.GE, a, b))) {
                aFirst = false; // a >= b throughout: b is the minimum (equal where they tie, as integers)
            }
            if (aFirst != null) {
                return aFirst == (node.op() == BinaryOp.MIN) ? a : b;
            }
        }
        if (node.op() == BinaryOp.FLOOR_DIV) {
            long[] r = bounds(Ex.op(node.op(), a, b));
            if (r != null && r[0] == r[1]) {
                return Ex.integer(r[0]);
            }
        }
        return a == node.left() && b == node.right() ? node : Ex.op(node.op(), a, b);
    }

    @Override
    public Expr countAtMost(IntExpr.CountAtMost node) {
        IntExpr v = integer(node.x());
        long[] r = bounds(v);
        if (r != null && node.count(r[0]) == node.count(r[1])) {
            return Ex.integer(node.count(r[0]));
        }
        return v == node.x() ? node : Ex.countAtMost(v, node.boundaries());
    }

    @Override
    public Expr realConst(RealExpr.Const node) {
        return node;
    }

    @Override
    public Expr toReal(RealExpr.ToReal node) {
        IntExpr v = integer(node.value());
        return v == node.value() ? node : Ex.toReal(v);
    }

    @Override
    public Expr realUnary(RealExpr.Unary node) {
        RealExpr v = real(node.arg());
        return v == node.arg() ? node : Ex.op(node.op(), v);
    }

    @Override
    public Expr realBinary(RealExpr.Binary node) {
        RealExpr a = real(node.left());
        RealExpr b = real(node.right());
        return a == node.left() && b == node.right() ? node : Ex.op(node.op(), a, b);
    }

    @Override
    public Expr select(RealExpr.Select node) {
        BoolExpr c = (BoolExpr) apply(node.condition());
        if (c instanceof BoolExpr.IntCompare ic) {
            Boolean known = decide(ic.op(), ic.left(), ic.right());
            if (known != null) {
                return real(known ? node.whenTrue() : node.whenFalse());
            }
        }
        RealExpr a = real(node.whenTrue());
        RealExpr b = real(node.whenFalse());
        return c == node.condition() && a == node.whenTrue() && b == node.whenFalse() ? node : Ex.select(c, a, b);
    }

    @Override
    public Expr lookup(RealExpr.Lookup node) {
        IntExpr i = integer(node.index());
        return i == node.index() ? node : Ex.lookup(node.values(), i);
    }

    @Override
    public Expr intCompare(BoolExpr.IntCompare node) {
        IntExpr a = integer(node.left());
        IntExpr b = integer(node.right());
        return a == node.left() && b == node.right() ? node : Ex.compare(node.op(), a, b);
    }

    @Override
    public Expr realCompare(BoolExpr.RealCompare node) {
        RealExpr a = real(node.left());
        RealExpr b = real(node.right());
        return a == node.left() && b == node.right() ? node : Ex.compare(node.op(), a, b);
    }
}
