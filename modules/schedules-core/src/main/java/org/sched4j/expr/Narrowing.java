package org.sched4j.expr;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Simplifies a branch of a select knowing the range of one integer expression there: in the warmup branch
 * of a join ({@code t < W}) a child's {@code min(t, W)} is just {@code t}. Only exact integer identities are
 * used ({@code min}, {@code max}, milestone counts and comparisons decided by the range), so every value in
 * the range is unchanged, bit for bit, and the graph and table lose the redundant ops.
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

    /** Whether {@code op(x, k)} holds for every x in the range (TRUE), for none (FALSE), or is open (null). */
    private Boolean decide(CompareOp op, long k) {
        boolean outside = k < lo || k > hi;
        boolean only = lo == hi && lo == k;
        boolean all = switch (op) {
            case LT -> hi < k;
            case LE -> hi <= k;
            case GT -> lo > k;
            case GE -> lo >= k;
            case EQ -> only;
            case NE -> outside;
        };
        boolean none = switch (op) {
            case LT -> lo >= k;
            case LE -> lo > k;
            case GT -> hi <= k;
            case GE -> hi < k;
            case EQ -> outside;
            case NE -> only;
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
        if (a.equals(x) && b instanceof IntExpr.Const k) {
            if (node.op() == BinaryOp.MIN && hi <= k.value() || node.op() == BinaryOp.MAX && lo >= k.value()) {
                return a;
            }
            if (node.op() == BinaryOp.MIN && lo >= k.value() || node.op() == BinaryOp.MAX && hi <= k.value()) {
                return b;
            }
        }
        return a == node.left() && b == node.right() ? node : Ex.op(node.op(), a, b);
    }

    @Override
    public Expr countAtMost(IntExpr.CountAtMost node) {
        IntExpr v = integer(node.x());
        if (v.equals(x) && node.count(lo) == node.count(hi)) {
            return Ex.integer(node.count(lo));
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
        if (node.condition() instanceof BoolExpr.IntCompare c && c.left().equals(x)
                && c.right() instanceof IntExpr.Const k) {
            Boolean known = decide(c.op(), k.value());
            if (known != null) {
                return real(known ? node.whenTrue() : node.whenFalse());
            }
        }
        BoolExpr c = (BoolExpr) apply(node.condition());
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
