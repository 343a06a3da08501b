package org.sched4j.eval;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.function.LongToDoubleFunction;
import java.util.function.LongUnaryOperator;
import org.sched4j.expr.BoolExpr;
import org.sched4j.expr.Expr;
import org.sched4j.expr.ExprVisitor;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;

/**
 * The scalar evaluator (what {@code ISchedule.valueAt} runs): compiles an expression tree once into one
 * hidden class of straight-line bytecode ({@link ScalarBytecode}), or, for an expression too deep or too
 * large for one method, into a tree of closures over the step; either way a value allocates nothing.
 */
public final class ScalarEvaluator implements ExprVisitor<Object> {
    private final Map<Expr, Object> compiled = new IdentityHashMap<>();

    private ScalarEvaluator() {
    }

    /** Compiles a real expression into a function of the step. */
    public static LongToDoubleFunction compile(RealExpr expr) {
        LongToDoubleFunction compiled = ScalarBytecode.compile(expr);
        return compiled != null ? compiled : closures(expr);
    }

    /**
     * The tree of closures: the fallback of {@link #compile}, and the reference its bytecode must match. Nodes
     * are built operands first, so a deep tree does not nest the building (only the evaluation) on the stack.
     */
    static LongToDoubleFunction closures(RealExpr expr) {
        ScalarEvaluator evaluator = new ScalarEvaluator();
        for (Expr e : operandsFirst(expr)) {
            evaluator.lower(e);
        }
        return evaluator.real(expr);
    }

    /** Every node of the DAG once, each after its operands (an iterative depth-first walk). */
    private static List<Expr> operandsFirst(Expr root) {
        List<Expr> out = new ArrayList<>();
        Set<Expr> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Expr> pending = new ArrayDeque<>();
        Deque<Boolean> expanded = new ArrayDeque<>();
        pending.push(root);
        expanded.push(false);
        while (!pending.isEmpty()) {
            Expr e = pending.pop();
            if (expanded.pop()) {
                out.add(e);
            } else if (seen.add(e)) {
                pending.push(e);
                expanded.push(true);
                for (Expr operand : ScalarBytecode.children(e)) {
                    pending.push(operand);
                    expanded.push(false);
                }
            }
        }
        return out;
    }

    private LongToDoubleFunction real(RealExpr e) {
        return (LongToDoubleFunction) lower(e);
    }

    private LongUnaryOperator integer(IntExpr e) {
        return (LongUnaryOperator) lower(e);
    }

    private LongPredicate bool(BoolExpr e) {
        return (LongPredicate) lower(e);
    }

    private Object lower(Expr e) {
        Object f = compiled.get(e);
        if (f == null) {
            f = e.accept(this);
            compiled.put(e, f);
        }
        return f;
    }

    @Override
    public Object step(IntExpr.Step node) {
        return (LongUnaryOperator) t -> t;
    }

    @Override
    public Object intConst(IntExpr.Const node) {
        long v = node.value();
        return (LongUnaryOperator) t -> v;
    }

    @Override
    public Object intBinary(IntExpr.Binary node) {
        LongUnaryOperator a = integer(node.left());
        var op = node.op();
        if (node.right() instanceof IntExpr.Const c) {
            long k = c.value();
            return (LongUnaryOperator) t -> op.apply(a.applyAsLong(t), k);
        }
        LongUnaryOperator b = integer(node.right());
        return (LongUnaryOperator) t -> op.apply(a.applyAsLong(t), b.applyAsLong(t));
    }

    @Override
    public Object countAtMost(IntExpr.CountAtMost node) {
        LongUnaryOperator x = integer(node.x());
        MilestoneIndex index = MilestoneIndex.of(node.boundaries());
        return (LongUnaryOperator) t -> index.count(x.applyAsLong(t));
    }

    @Override
    public Object realConst(RealExpr.Const node) {
        double v = node.value();
        return (LongToDoubleFunction) t -> v;
    }

    @Override
    public Object toReal(RealExpr.ToReal node) {
        LongUnaryOperator x = integer(node.value());
        return (LongToDoubleFunction) t -> (double) x.applyAsLong(t);
    }

    @Override
    public Object realUnary(RealExpr.Unary node) {
        LongToDoubleFunction x = real(node.arg());
        var op = node.op();
        return (LongToDoubleFunction) t -> op.apply(x.applyAsDouble(t));
    }

    @Override
    public Object realBinary(RealExpr.Binary node) {
        LongToDoubleFunction a = real(node.left());
        var op = node.op();
        if (node.left() instanceof RealExpr.Const c) {
            double k = c.value();
            LongToDoubleFunction b = real(node.right());
            return (LongToDoubleFunction) t -> op.apply(k, b.applyAsDouble(t));
        }
        if (node.right() instanceof RealExpr.Const c) {
            double k = c.value();
            return (LongToDoubleFunction) t -> op.apply(a.applyAsDouble(t), k);
        }
        LongToDoubleFunction b = real(node.right());
        return (LongToDoubleFunction) t -> op.apply(a.applyAsDouble(t), b.applyAsDouble(t));
    }

    @Override
    public Object select(RealExpr.Select node) {
        LongPredicate c = bool(node.condition());
        LongToDoubleFunction a = real(node.whenTrue());
        LongToDoubleFunction b = real(node.whenFalse());
        return (LongToDoubleFunction) t -> c.test(t) ? a.applyAsDouble(t) : b.applyAsDouble(t);
    }

    @Override
    public Object lookup(RealExpr.Lookup node) {
        LongUnaryOperator i = integer(node.index());
        return (LongToDoubleFunction) t -> node.at(i.applyAsLong(t));
    }

    @Override
    public Object intCompare(BoolExpr.IntCompare node) {
        LongUnaryOperator a = integer(node.left());
        var op = node.op();
        if (node.right() instanceof IntExpr.Const c) {
            long k = c.value();
            return (LongPredicate) t -> op.test(a.applyAsLong(t), k);
        }
        LongUnaryOperator b = integer(node.right());
        return (LongPredicate) t -> op.test(a.applyAsLong(t), b.applyAsLong(t));
    }

    @Override
    public Object realCompare(BoolExpr.RealCompare node) {
        LongToDoubleFunction a = real(node.left());
        LongToDoubleFunction b = real(node.right());
        var op = node.op();
        return (LongPredicate) t -> op.test(a.applyAsDouble(t), b.applyAsDouble(t));
    }
}
