package org.sched4j.expr;

/**
 * A node of the immutable expression tree that every schedule is defined by; evaluators interpret it.
 *
 * <p>Three sorts keep integer work exact: {@link IntExpr} (the step and integer arithmetic on it),
 * {@link RealExpr} (double-precision values) and {@link BoolExpr} (comparisons, used by selects).
 */
public sealed interface Expr permits IntExpr, RealExpr, BoolExpr {

    /** Dispatches to the visitor method for this node. */
    <R> R accept(ExprVisitor<R> visitor);
}
