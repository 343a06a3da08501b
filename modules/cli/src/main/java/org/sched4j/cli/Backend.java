package org.sched4j.cli;

import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.sched4j.eval.TableEvaluator;
import org.sched4j.schedule.Schedule;

/** The evaluator {@code eval --backend} runs: each one really executes (no fallback between them). */
enum Backend {
    /** {@code ISchedule}-style scalar evaluation, one step at a time. */
    SCALAR {
        @Override
        double[] values(Schedule s, long start, int count, boolean momentum) {
            double[] out = new double[count];
            for (int i = 0; i < count; i++) {
                out[i] = momentum ? s.momentum(start + i) : s.value(start + i);
            }
            return out;
        }
    },
    /** The vectorized ND4J table, in double. */
    TABLE {
        @Override
        double[] values(Schedule s, long start, int count, boolean momentum) {
            INDArray t = momentum ? s.momentumTable(start, count, DataType.DOUBLE)
                    : s.table(start, count, DataType.DOUBLE);
            return t.toDoubleVector();
        }
    },
    /** The SameDiff graph, executed once on an INT64 vector of all the steps, in double. */
    GRAPH {
        @Override
        double[] values(Schedule s, long start, int count, boolean momentum) {
            if (count == 0) {
                return new double[0];
            }
            SameDiff sd = SameDiff.create();
            SDVariable step = sd.placeHolder("step", DataType.INT64, -1);
            SDVariable out = momentum ? s.momentumToGraph(sd, step, DataType.DOUBLE)
                    : s.toGraph(sd, step, DataType.DOUBLE);
            INDArray steps = TableEvaluator.steps(start, count);
            return sd.output(Map.of("step", steps), out.name()).get(out.name()).toDoubleVector();
        }
    };

    /** Values (or momentum values) at steps {@code start .. start + count - 1}. */
    abstract double[] values(Schedule s, long start, int count, boolean momentum);

    static Backend parse(String name) {
        if (name == null) {
            return SCALAR;
        }
        for (Backend b : values()) {
            if (b.name().equalsIgnoreCase(name)) {
                return b;
            }
        }
        throw new CliException("--backend: must be scalar, table or graph (got '" + name + "')");
    }
}
