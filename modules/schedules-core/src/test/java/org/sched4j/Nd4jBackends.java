package org.sched4j;

import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sched4j.schedule.Schedule;

/** Test helper: runs a schedule through the table and graph evaluators for explicit step lists. */
public final class Nd4jBackends {
    private Nd4jBackends() {
    }

    /** Graph evaluation at the given steps (one INT64 vector placeholder, one {@code sd.output} call). */
    public static double[] graph(Schedule s, long[] steps, DataType dataType) {
        return graph(s, steps, dataType, false);
    }

    /** As {@link #graph(Schedule, long[], DataType)}, the formula form ({@code toGraphFormula}) where asked. */
    public static double[] graph(Schedule s, long[] steps, DataType dataType, boolean formula) {
        SameDiff sd = SameDiff.create();
        SDVariable step = sd.placeHolder("step", DataType.INT64, -1);
        SDVariable out = formula ? s.toGraphFormula(sd, step, dataType) : s.toGraph(sd, step, dataType);
        INDArray r = sd.output(Map.of("step", Nd4j.createFromArray(steps)), out.name()).get(out.name());
        return r.castTo(DataType.DOUBLE).toDoubleVector();
    }

    /** Table evaluation over {@code [start, start + count)}. */
    public static double[] table(Schedule s, long start, long count, DataType dataType) {
        return s.table(start, count, dataType).castTo(DataType.DOUBLE).toDoubleVector();
    }

    /** Steps {@code start .. start + count - 1}. */
    public static long[] range(long start, int count) {
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = start + i;
        }
        return out;
    }
}
