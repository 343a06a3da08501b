package org.sched4j.expr;

/** A condition, used by {@link RealExpr.Select}. */
public sealed interface BoolExpr extends Expr permits BoolExpr.IntCompare, BoolExpr.RealCompare {

    /** An exact comparison of two integer expressions. */
    record IntCompare(CompareOp op, IntExpr left, IntExpr right) implements BoolExpr {
        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.intCompare(this);
        }
    }

    /** A comparison of two real expressions. */
    record RealCompare(CompareOp op, RealExpr left, RealExpr right) implements BoolExpr {
        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.realCompare(this);
        }
    }
}
