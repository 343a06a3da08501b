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
 * Lowers an expression tree onto {@link VectorOps}: the one interpreter shared by the table (eager ND4J)
 * and graph (SameDiff) evaluators.
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
        V a = lower(node.left());
        V b = lower(node.right());
        if (node.op() == BinaryOp.FLOOR_MOD) {
            // ND4J's floormod (eager and SameDiff) loses integers past 2^24; a - b * floor(a / b) stays exact.
            return binary(BinaryOp.SUB, a, binary(BinaryOp.MUL, b, binary(BinaryOp.FLOOR_DIV, a, b)));
        }
        return binary(node.op(), a, b);
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
