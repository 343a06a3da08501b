package org.sched4j.eval;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sched4j.expr.Ex;
import org.sched4j.expr.RealExpr;

/**
 * The graph evaluator: a schedule as SameDiff ops on a global-step variable, so the value is computed inside
 * the graph. Two forms:
 *
 * <ul>
 *   <li>the formula ({@link #toGraphFormula}, MindSpore's {@code ExponentialDecayLR}-as-graph path): the
 *       expression lowered op by op, integer work on the INT64 step, continuous work in double, the result
 *       cast at the end; values are exact for steps up to 2^53;</li>
 *   <li>a table ({@link #toGraphTable}, MindSpore's {@code dynamic_lr} list): the values up to a horizon as
 *       one constant, gathered at the clamped step.</li>
 * </ul>
 *
 * <p>{@link #toGraph} takes the table where the schedule provably stops changing within {@link
 * #AUTO_TABLE_ENTRIES} steps (a warmup and decay to a final value, a finite multistep): two ops, where
 * SameDiff interprets every op at a fixed cost far above its arithmetic (about 20 us on a CPU), against
 * 10 to 20 for a formula. Elsewhere (an exponential or periodic schedule) it takes the formula.
 */
public final class GraphEvaluator {
    /** The most entries {@link #toGraphTable} puts in a graph as one constant (32 MiB in double). */
    public static final long MAX_TABLE_ENTRIES = 1L << 22;
    /** The most entries {@link #toGraph} puts in a graph on its own (1 MiB in float32, 2 MiB in double). */
    public static final long AUTO_TABLE_ENTRIES = 1L << 18;

    private GraphEvaluator() {
    }

    /**
     * The value of {@code expr} at {@code step} as a new variable of {@code sd}: a gathered table where
     * {@link #horizon} finds one, else the formula. In the table form a negative step fails when the graph
     * runs (the gather's index check); the formula computes something for it, as it does past 2^53.
     *
     * @param step an INT32 or INT64 scalar or vector
     * @param dataType the floating type of the result
     * @throws IllegalArgumentException if the step is not an integer variable of {@code sd}
     */
    public static SDVariable toGraph(RealExpr expr, SameDiff sd, SDVariable step, DataType dataType) {
        long horizon = expr instanceof RealExpr.Const ? -1 : horizon(expr);
        if (horizon < 0) {
            return toGraphFormula(expr, sd, step, dataType);
        }
        SDVariable step64 = checkedStep(sd, step, dataType);
        INDArray table = TableEvaluator.table(expr, 0, horizon + 1, dataType);
        return sd.gather(sd.constant(table), sd.scalarMin(step64, horizon), 0);
    }

    /**
     * The first step from which {@code expr} is provably constant ({@link Ex#withinSteps} narrows it to a
     * constant up to 2^53), if that is below {@link #AUTO_TABLE_ENTRIES}; else -1.
     */
    public static long horizon(RealExpr expr) {
        long lo = 0;
        long hi = AUTO_TABLE_ENTRIES - 1;
        if (!constantFrom(expr, hi)) {
            return -1;
        }
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (constantFrom(expr, mid)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return hi;
    }

    private static boolean constantFrom(RealExpr expr, long step) {
        return Ex.withinSteps(expr, step, TableEvaluator.MAX_STEP) instanceof RealExpr.Const;
    }

    /**
     * The formula form: {@code expr} lowered op by op onto SameDiff, whatever its horizon.
     *
     * @throws IllegalArgumentException as {@link #toGraph}
     */
    public static SDVariable toGraphFormula(RealExpr expr, SameDiff sd, SDVariable step, DataType dataType) {
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

    /** How many SameDiff ops {@link #toGraphFormula} adds for {@code expr}, as {@link #opCount}. */
    public static int formulaOpCount(RealExpr expr, DataType dataType) {
        SameDiff sd = SameDiff.create();
        toGraphFormula(expr, sd, sd.placeHolder("step", DataType.INT64, -1), dataType);
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
