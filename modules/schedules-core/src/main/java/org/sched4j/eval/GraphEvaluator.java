package org.sched4j.eval;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.sched4j.expr.RealExpr;

/**
 * The graph evaluator: lowers a schedule into SameDiff ops on a global-step variable, so the value is
 * computed inside the graph (MindSpore's {@code ExponentialDecayLR}-as-graph path). Integer work runs on
 * the INT64 step, continuous work in double, and the result is cast at the end.
 */
public final class GraphEvaluator {
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
        SDVariable step64 = stepType == DataType.INT64 ? step : sd.castTo(step, DataType.INT64);
        SDVariable value = new VectorLowering<>(new SameDiffOps(sd, step64)).lower(expr);
        if (expr instanceof RealExpr.Const c) {
            value = sd.castTo(sd.zerosLike(step64), DataType.DOUBLE).add(c.value());
        }
        return dataType == DataType.DOUBLE ? value : sd.castTo(value, dataType);
    }
}
