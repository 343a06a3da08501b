package org.sched4j.eval;

import org.sched4j.expr.BinaryOp;
import org.sched4j.expr.CompareOp;
import org.sched4j.expr.UnaryOp;

/**
 * The vector primitives an expression tree lowers to. Implemented once for Java arrays over a block of steps
 * (the table evaluator's {@link ColumnOps}) and once for SameDiff variables (the graph evaluator), so both
 * share one lowering.
 *
 * <p>Integer values are INT64, reals DOUBLE, conditions BOOL; constants are rank-0 and broadcast.
 *
 * @param <V> the vector type: {@code Column} or {@code SDVariable}
 */
public interface VectorOps<V> {
    /** The INT64 step vector (or scalar) being evaluated. */
    V step();

    /** A DOUBLE scalar constant. */
    V real(double value);

    /** An INT64 scalar constant. */
    V integer(long value);

    /** A DOUBLE constant vector (a lookup table). */
    V reals(double[] values);

    /** An INT64 constant vector (sorted boundaries). */
    V integers(long[] values);

    /**
     * An elementwise binary operation; both operands have the same type (INT64 or DOUBLE). Never called with
     * {@code FLOOR_MOD}: {@link VectorLowering} rewrites it, since ND4J's floormod loses integers past 2^24.
     */
    V binary(BinaryOp op, V a, V b);

    /** An elementwise function of a DOUBLE operand. */
    V unary(UnaryOp op, V x);

    /** INT64 to DOUBLE. */
    V toReal(V x);

    /** An elementwise comparison giving BOOL. */
    V compare(CompareOp op, V a, V b);

    /** {@code condition ? a : b} elementwise. */
    V select(V condition, V a, V b);

    /** {@code table[index]} elementwise, for an index already within bounds. */
    V gather(V table, V index);

    /** How many of the sorted boundaries are {@code <= x}, elementwise. */
    V countAtMost(V x, V boundaries);
}
