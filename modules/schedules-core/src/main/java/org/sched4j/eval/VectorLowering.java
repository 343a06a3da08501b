package org.sched4j.eval;

import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.sched4j.expr.BinaryOp;
import org.sched4j.expr.BoolExpr;
import org.sched4j.expr.Expr;
import org.sched4j.expr.ExprVisitor;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;

/**
 * Lowers an expression tree onto {@link VectorOps}: the one interpreter shared by the table (Java arrays,
 * block by block) and graph (SameDiff) evaluators.
 *
 * <p>Every backend value is made once: a node is lowered once, and two nodes computing the same primitive
 * on the same operands (equal constants, a sub-tree repeated inside a composite, the floor division that
 * a modulo rewrite and a cycle index share) get the same value. Keys hold operands by identity, so this
 * costs one hash lookup per primitive however large the tree.
 *
 * @param <V> the vector type of the backend
 */
public final class VectorLowering<V> implements ExprVisitor<V> {
    private final VectorOps<V> ops;
    private final Map<Expr, V> lowered = new IdentityHashMap<>();
    private final Map<Key, V> made = new HashMap<>();

    /** A lowering onto the given backend; reuse it for several expressions over the same step. */
    public VectorLowering(VectorOps<V> ops) {
        this.ops = ops;
    }

    /** The backend value of an expression. */
    public V lower(Expr e) {
        V v = lowered.get(e);
        if (v == null) {
            v = e.accept(this);
            lowered.put(e, v);
        }
        return v;
    }

    /** A primitive's identity: its kind, its constant payload and its operands (by identity). */
    private record Key(String kind, Object payload, List<Operand> operands) {
    }

    /** An operand compared by identity: backend values need not define equality. */
    private record Operand(Object value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Operand p && p.value == value;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }
    }

    private V make(String kind, Object payload, Supplier<V> build, Object... operands) {
        Key key = new Key(kind, payload, Arrays.stream(operands).map(Operand::new).toList());
        V v = made.get(key);
        if (v == null) {
            v = build.get();
            made.put(key, v);
        }
        return v;
    }

    private V binary(BinaryOp op, V a, V b) {
        return make("binary", op, () -> ops.binary(op, a, b), a, b);
    }

    private V integer(long value) {
        return make("integer", value, () -> ops.integer(value));
    }

    @Override
    public V step(IntExpr.Step node) {
        return make("step", null, ops::step);
    }

    @Override
    public V intConst(IntExpr.Const node) {
        return integer(node.value());
    }

    @Override
    public V intBinary(IntExpr.Binary node) {
        BinaryOp op = node.op();
        V a = lower(node.left());
        if ((op == BinaryOp.FLOOR_DIV || op == BinaryOp.FLOOR_MOD) && node.right() instanceof IntExpr.Const d) {
            V quotient = floorDiv(a, d.value(), nonNegative(node.left()));
            // ND4J's floormod (eager and SameDiff) loses integers past 2^24; a - d * floor(a / d) stays exact.
            return op == BinaryOp.FLOOR_DIV ? quotient
                    : binary(BinaryOp.SUB, a, binary(BinaryOp.MUL, integer(d.value()), quotient));
        }
        V b = lower(node.right());
        if (op == BinaryOp.FLOOR_MOD) {
            // A divisor that is not a constant: exact for a non-negative dividend and a positive divisor.
            return binary(BinaryOp.SUB, a, binary(BinaryOp.MUL, b, binary(BinaryOp.FLOOR_DIV, a, b)));
        }
        return binary(op, a, b);
    }

    /** A multiple of the divisor near 2^61 is added to a dividend that may be negative. */
    private static final long SHIFT_TARGET = 1L << 61;

    /**
     * {@code floor(a / d)} for a constant {@code d}, exact for a dividend of any sign below 2^60: the
     * backends' INT64 division rounds toward zero, so a dividend that may be negative is first shifted by
     * a multiple of {@code d} (two more ops, only where the sign is not known).
     */
    private V floorDiv(V a, long d, boolean aNonNegative) {
        if (d < 0) {
            return floorDiv(binary(BinaryOp.SUB, integer(0), a), -d, false);
        }
        if (aNonNegative) {
            return binary(BinaryOp.FLOOR_DIV, a, integer(d));
        }
        long shift = SHIFT_TARGET / d * d;
        return binary(BinaryOp.SUB, binary(BinaryOp.FLOOR_DIV, binary(BinaryOp.ADD, a, integer(shift)),
                integer(d)), integer(shift / d));
    }

    /**
     * Whether {@code x} is provably {@code >= 0} at every step (steps are never negative). A join's local
     * step {@code t - boundary} is not: where it is negative its branch is discarded, but it is shifted all
     * the same, so every value the backends compute is the scalar reference's.
     */
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

    @Override
    public V countAtMost(IntExpr.CountAtMost node) {
        long[] boundaries = node.boundaries();
        V x = lower(node.x());
        V b = make("integers", new LongContent(boundaries), () -> ops.integers(boundaries));
        return make("countAtMost", null, () -> ops.countAtMost(x, b), x, b);
    }

    @Override
    public V realConst(RealExpr.Const node) {
        double value = node.value();
        return make("real", Double.doubleToLongBits(value), () -> ops.real(value));
    }

    @Override
    public V toReal(RealExpr.ToReal node) {
        V x = lower(node.value());
        return make("toReal", null, () -> ops.toReal(x), x);
    }

    @Override
    public V realUnary(RealExpr.Unary node) {
        V x = lower(node.arg());
        return make("unary", node.op(), () -> ops.unary(node.op(), x), x);
    }

    @Override
    public V realBinary(RealExpr.Binary node) {
        return binary(node.op(), lower(node.left()), lower(node.right()));
    }

    @Override
    public V select(RealExpr.Select node) {
        V c = lower(node.condition());
        V a = lower(node.whenTrue());
        V b = lower(node.whenFalse());
        return make("select", null, () -> ops.select(c, a, b), c, a, b);
    }

    @Override
    public V lookup(RealExpr.Lookup node) {
        double[] values = node.values();
        V index = lower(node.index());
        V clamped = binary(BinaryOp.MAX, binary(BinaryOp.MIN, index, integer(node.size() - 1L)), integer(0));
        long[] bits = Arrays.stream(values).mapToLong(Double::doubleToLongBits).toArray();
        V table = make("reals", new LongContent(bits), () -> ops.reals(values));
        return make("gather", null, () -> ops.gather(table, clamped), table, clamped);
    }

    @Override
    public V intCompare(BoolExpr.IntCompare node) {
        V a = lower(node.left());
        V b = lower(node.right());
        return make("compare", node.op(), () -> ops.compare(node.op(), a, b), a, b);
    }

    @Override
    public V realCompare(BoolExpr.RealCompare node) {
        V a = lower(node.left());
        V b = lower(node.right());
        return make("compare", node.op(), () -> ops.compare(node.op(), a, b), a, b);
    }

    /** A constant vector's content as a map key (exact bits). */
    private record LongContent(long[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof LongContent c && Arrays.equals(c.values, values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }
}
