package org.sched4j.eval;

import java.util.IdentityHashMap;
import java.util.Map;
import org.sched4j.expr.BinaryOp;
import org.sched4j.expr.BoolExpr;
import org.sched4j.expr.Expr;
import org.sched4j.expr.ExprVisitor;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;

/**
 * Lowers an expression tree onto {@link VectorOps}: the one interpreter shared by the table (eager ND4J)
 * and graph (SameDiff) evaluators. Shared sub-trees are lowered once.
 *
 * @param <V> the vector type of the backend
 */
public final class VectorLowering<V> implements ExprVisitor<V> {
    private final VectorOps<V> ops;
    private final Map<Expr, V> lowered = new IdentityHashMap<>();

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

    @Override
    public V step(IntExpr.Step node) {
        return ops.step();
    }

    @Override
    public V intConst(IntExpr.Const node) {
        return ops.integer(node.value());
    }

    @Override
    public V intBinary(IntExpr.Binary node) {
        V a = lower(node.left());
        V b = lower(node.right());
        if (node.op() == BinaryOp.FLOOR_MOD) {
            // ND4J's floormod (eager and SameDiff) loses integers past 2^24; a - b * floor(a / b) stays exact.
            return ops.binary(BinaryOp.SUB, a, ops.binary(BinaryOp.MUL, b, ops.binary(BinaryOp.FLOOR_DIV, a, b)));
        }
        return ops.binary(node.op(), a, b);
    }

    @Override
    public V countAtMost(IntExpr.CountAtMost node) {
        return ops.countAtMost(lower(node.x()), ops.integers(node.boundaries()));
    }

    @Override
    public V realConst(RealExpr.Const node) {
        return ops.real(node.value());
    }

    @Override
    public V toReal(RealExpr.ToReal node) {
        return ops.toReal(lower(node.value()));
    }

    @Override
    public V realUnary(RealExpr.Unary node) {
        return ops.unary(node.op(), lower(node.arg()));
    }

    @Override
    public V realBinary(RealExpr.Binary node) {
        return ops.binary(node.op(), lower(node.left()), lower(node.right()));
    }

    @Override
    public V select(RealExpr.Select node) {
        return ops.select(lower(node.condition()), lower(node.whenTrue()), lower(node.whenFalse()));
    }

    @Override
    public V lookup(RealExpr.Lookup node) {
        V index = lower(node.index());
        V clamped = ops.binary(BinaryOp.MAX, ops.binary(BinaryOp.MIN, index, ops.integer(node.size() - 1L)),
                ops.integer(0));
        return ops.gather(ops.reals(node.values()), clamped);
    }

    @Override
    public V intCompare(BoolExpr.IntCompare node) {
        return ops.compare(node.op(), lower(node.left()), lower(node.right()));
    }

    @Override
    public V realCompare(BoolExpr.RealCompare node) {
        return ops.compare(node.op(), lower(node.left()), lower(node.right()));
    }
}
