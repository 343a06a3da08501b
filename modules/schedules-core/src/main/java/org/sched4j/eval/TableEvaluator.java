package org.sched4j.eval;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.Range;
import org.nd4j.linalg.factory.Nd4j;
import org.sched4j.expr.RealExpr;

/**
 * The table evaluator: a schedule's values over a run of consecutive steps as one ND4J array, computed by
 * whole-vector ops on an exact INT64 step vector (MindSpore's {@code dynamic_lr} lists, for any schedule).
 */
public final class TableEvaluator {
    /** The largest step a table may reach: steps are exact integers in double up to 2^53. */
    public static final long MAX_STEP = 1L << 53;

    private TableEvaluator() {
    }

    /** The exact INT64 steps {@code start .. start + count - 1} ({@code Nd4j.arange} counts in float). */
    public static INDArray steps(long start, long count) {
        return Nd4j.exec(new Range(Nd4j.scalar(start), Nd4j.scalar(start + count), Nd4j.scalar(1L),
                DataType.LONG))[0];
    }

    /**
     * Values of {@code expr} at steps {@code start .. start + count - 1}, computed in double and returned as
     * {@code dataType}.
     *
     * @throws IllegalArgumentException if {@code start < 0}, {@code count < 0}, the range passes 2^53 or
     *     {@code dataType} is not a floating type
     */
    public static INDArray table(RealExpr expr, long start, long count, DataType dataType) {
        if (start < 0) {
            throw new IllegalArgumentException("start: must be >= 0 (got " + start + ")");
        }
        if (count < 0) {
            throw new IllegalArgumentException("count: must be >= 0 (got " + count + ")");
        }
        if (start > MAX_STEP - count) {
            throw new IllegalArgumentException("start + count: must be <= 2^53 (got " + start + " + " + count + ")");
        }
        if (dataType == null || !dataType.isFPType()) {
            throw new IllegalArgumentException("dataType: must be a floating-point type (got " + dataType + ")");
        }
        if (count == 0) {
            return Nd4j.create(dataType, 0);
        }
        INDArray values = new VectorLowering<>(new NdArrayOps(steps(start, count))).lower(expr);
        if (values.rank() == 0) {
            values = Nd4j.valueArrayOf(new long[] {count}, values.getDouble(0), DataType.DOUBLE);
        }
        return values.dataType() == dataType ? values : values.castTo(dataType);
    }
}
