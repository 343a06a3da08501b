package org.sched4j.eval;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sched4j.expr.RealExpr;

/**
 * The graph evaluator: lowers a schedule into SameDiff ops on a global-step variable, so the value is
 * computed inside the graph (MindSpore's {@code ExponentialDecayLR}-as-graph path). Integer work runs on
 * the INT64 step, continuous work in double, and the result is cast at the end; values are exact for steps
 * up to 2^53.
 */
public final class GraphEvaluator {
    /** The most entries {@link #toGraphTable} puts in a graph as one constant (32 MiB in double). */
    public static final long MAX_TABLE_ENTRIES = 1L << 22;

    private GraphEvaluator() {
    }

    /**
     * The value of {@code expr} at {@code step} as a new variable of {@code sd}.
     *
     * @param step an INT32 or INT64 scalar or vector
     * @param dataType the floating type of the result
     * @throws IllegalArgumentException if the step is not an integer variable of {@code sd}
     */
    public static SDVariable toGraph(RealExpr expr, SameDiff sd, SDVariable step, DataType dataType) {
        SDVariable step64 = checkedStep(sd, step, dataType);
        if (expr instanceof RealExpr.Const c) {
            // Still a graph value of the step's shape: zeros like the step, in the result type, plus c.
            INDArray value = Nd4j.scalar(c.value()).castTo(dataType);
            return sd.castTo(sd.zerosLike(step64), dataType).add(sd.constant(value));
        }
        SDVariable value = new VectorLowering<>(new SameDiffOps(sd, step64, knownRank(step))).lower(expr);
        return dataType == DataType.DOUBLE ? value : sd.castTo(value, dataType);
    }

    /**
     * The table-gather form for a finite horizon: the values at steps {@code 0 .. horizon - 1} (computed by
     * the table evaluator) become one constant of {@code dataType}, gathered at {@code min(step, horizon - 1)}.
     * Three ops whatever the schedule; a step at or past the horizon reads the last entry.
     *
     * @throws IllegalArgumentException if {@code horizon} is not in {@code [1, MAX_TABLE_ENTRIES]}, or as
     *     {@link #toGraph}
     */
    public static SDVariable toGraphTable(RealExpr expr, SameDiff sd, SDVariable step, DataType dataType,
            long horizon) {
        SDVariable step64 = checkedStep(sd, step, dataType);
        if (horizon < 1 || horizon > MAX_TABLE_ENTRIES) {
            throw new IllegalArgumentException("horizon: must be in [1, " + MAX_TABLE_ENTRIES + "] table entries (got "
                    + horizon + "); use toGraph for longer schedules");
        }
        INDArray table = TableEvaluator.table(expr, 0, horizon, dataType);
        SDVariable index = sd.math.max(sd.math.min(step64, sd.constant(horizon - 1)), sd.constant(0L));
        return sd.gather(sd.constant(table), index, 0);
    }

    /**
     * How many SameDiff ops {@link #toGraph} adds for {@code expr} on an INT64 step, result in
     * {@code dataType} (graph constants are not ops).
     */
    public static int opCount(RealExpr expr, DataType dataType) {
        SameDiff sd = SameDiff.create();
        toGraph(expr, sd, sd.placeHolder("step", DataType.INT64, -1), dataType);
        return sd.ops().length;
    }

    /** The rank of a placeholder, variable or constant step (its shape is declared), else -1. */
    private static int knownRank(SDVariable step) {
        if (step.getVariableType() == VariableType.ARRAY) {
            return -1;
        }
        long[] shape = step.getShape();
        return shape == null || shape.length > 1 ? -1 : shape.length;
    }

    private static SDVariable checkedStep(SameDiff sd, SDVariable step, DataType dataType) {
        if (sd == null || step == null) {
            throw new IllegalArgumentException("sd and step: must not be null");
        }
        if (step.getSameDiff() != sd) {
            throw new IllegalArgumentException("step: must be a variable of the given SameDiff instance");
        }
        DataType stepType = step.dataType();
        if (stepType != DataType.INT32 && stepType != DataType.INT64) {
            throw new IllegalArgumentException("step: must be INT32 or INT64 (got " + stepType + ")");
        }
        if (dataType == null || !dataType.isFPType()) {
            throw new IllegalArgumentException("dataType: must be a floating-point type (got " + dataType + ")");
        }
        return stepType == DataType.INT64 ? step : sd.castTo(step, DataType.INT64);
    }
}
