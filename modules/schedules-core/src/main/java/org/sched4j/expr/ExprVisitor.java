package org.sched4j.expr;

/** One method per node kind: what an evaluator implements to interpret (or lower) an expression tree. */
public interface ExprVisitor<R> {
    R step(IntExpr.Step node);

    R intConst(IntExpr.Const node);

    R intBinary(IntExpr.Binary node);

    R countAtMost(IntExpr.CountAtMost node);

    R realConst(RealExpr.Const node);

    R toReal(RealExpr.ToReal node);

    R realUnary(RealExpr.Unary node);

    R realBinary(RealExpr.Binary node);

    R select(RealExpr.Select node);

    R lookup(RealExpr.Lookup node);

    R intCompare(BoolExpr.IntCompare node);

    R realCompare(BoolExpr.RealCompare node);
}
