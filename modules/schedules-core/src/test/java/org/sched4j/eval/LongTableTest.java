package org.sched4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sched4j.Close;
import org.sched4j.catalog.Schedules;
import org.sched4j.graph.AgreementSpecs;
import org.sched4j.schedule.Schedule;

/**
 * Long tables: the run is split into pieces the schedule decides ({@code Ex.withinSteps}) and computed
 * block by block, so every agreement spec is checked against the scalar evaluator across piece boundaries,
 * a warmup + cosine across several blocks, and the preallocated form fills exactly what it is given.
 */
class LongTableTest {
    private static final int COUNT = (int) (3 * TableEvaluator.MIN_PIECE + 77);

    private static double[] scalar(Schedule s, long start, int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = s.value(start + i);
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everySpecAgreesWithScalarOverLongTables() {
        return AgreementSpecs.stepFunctions().stream().map(j -> DynamicTest.dynamicTest(j, () -> {
            Schedule s = Schedule.parse(j);
            for (long start : new long[] {0, (1L << 31) - 40_000}) {
                double[] table = s.table(start, COUNT, DataType.DOUBLE).toDoubleVector();
                Close.assertClose(j + " from " + start, scalar(s, start, COUNT), table, start, Close.DOUBLE);
            }
            INDArray out = Nd4j.createUninitialized(DataType.FLOAT, COUNT);
            assertThat(s.table(5, out)).isSameAs(out);
            double[] floats = out.castTo(DataType.DOUBLE).toDoubleVector();
            Close.assertClose(j + " into float32", scalar(s, 5, COUNT), floats, 5, Close.FLOAT);
        }));
    }

    @Test
    void directSinkOpensANewWindowForEveryBlockOutsideTheCurrentOne() {
        // windows of 2,000 elements; blocks of 1,024 written out of order, some straddling a window's end
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray out = Nd4j.zeros(type, 6_000);
            TableSink sink = TableSink.direct(out, 2_000);
            double[] block = new double[Block.SIZE];
            long[] starts = {0, 1_024, 4_800, 1_800, 3_600, 2_600, 3_776};
            for (long at : starts) {
                int n = (int) Math.min(Block.SIZE, 6_000 - at);
                for (int j = 0; j < n; j++) {
                    block[j] = at + j + 0.5;
                }
                sink.write(at, block, n);
            }
            sink.fill(5_824, 60, -1.0);
            double[] got = out.castTo(DataType.DOUBLE).toDoubleVector();
            for (int i = 0; i < 6_000; i++) {
                double expected = i >= 5_884 ? 0.0 : i >= 5_824 ? -1.0 : i + 0.5;
                assertThat(got[i]).as(type + " element " + i).isEqualTo(expected);
            }
        }
    }

    @Test
    void warmupCosinePiecesHaveTheirHandWorkedValues() {
        // linear 0 -> 0.1 over 1000 steps, then 0.1 * (1 + cos(pi * (t - 1000) / 99000)) / 2, then 0.
        Schedule s = Schedules.warmupCosine(0.1, 1_000, 99_000, 0.0);
        int count = (int) (4 * TableEvaluator.TASK + 200_000); // several tasks and blocks in the cosine piece
        double[] v = s.table(0, count, DataType.DOUBLE).toDoubleVector();
        assertThat(v[0]).isEqualTo(0.0);
        assertThat(v[500]).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(v[1_000]).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(v[50_500]).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-15));
        for (int t = 100_000; t < count; t++) {
            assertThat(v[t]).as("step " + t).isEqualTo(0.0);
        }
    }

    @Test
    void viewsAndHalfPrecisionGoThroughTheHeapAndLeaveTheRestAlone() {
        // A view with an offset, a strided view and a HALF vector cannot take direct writes: they are
        // filled through heap chunks and one assign each, and what lies outside the view keeps its value.
        Schedule s = Schedules.warmupCosine(0.1, 1_000, 99_000, 0.0);
        int count = 150_000;
        INDArray big = Nd4j.valueArrayOf(new long[] {count + 20}, -1.0, DataType.DOUBLE);
        INDArray view = big.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(10, 10 + count));
        assertThat(s.table(7, view)).isSameAs(view);
        Close.assertClose("view", scalar(s, 7, count), view.toDoubleVector(), 7, Close.DOUBLE);
        assertThat(big.getDouble(9)).isEqualTo(-1.0);
        assertThat(big.getDouble(10 + count)).isEqualTo(-1.0);

        INDArray matrix = Nd4j.valueArrayOf(new long[] {count, 2}, -1.0, DataType.FLOAT);
        INDArray column = matrix.getColumn(1);
        s.table(0, column);
        Close.assertClose("strided column", scalar(s, 0, count), column.castTo(DataType.DOUBLE).toDoubleVector(), 0,
                Close.FLOAT);
        assertThat(matrix.getColumn(0).minNumber().doubleValue()).isEqualTo(-1.0);
        assertThat(matrix.getColumn(0).maxNumber().doubleValue()).isEqualTo(-1.0);

        INDArray half = s.table(0, 5_000, DataType.HALF);
        assertThat(half.dataType()).isEqualTo(DataType.HALF);
        double[] values = half.castTo(DataType.DOUBLE).toDoubleVector();
        double[] expected = scalar(s, 0, 5_000);
        for (int t = 0; t < values.length; t++) {
            assertThat(values[t]).as("step " + t).isCloseTo(expected[t],
                    org.assertj.core.data.Offset.offset(1e-3 * expected[t] + 1e-7));
        }
    }

    @Test
    void preallocatedTablesAreValidated() {
        Schedule s = Schedules.constant(0.5);
        assertThatThrownBy(() -> s.table(0, (INDArray) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("out:");
        assertThatThrownBy(() -> s.table(0, Nd4j.create(DataType.INT32, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("out:");
        assertThatThrownBy(() -> s.table(0, Nd4j.create(DataType.FLOAT, 3, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("out:");
        assertThatThrownBy(() -> s.table(-1, Nd4j.create(DataType.FLOAT, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("start:");
        INDArray column = Nd4j.create(DataType.DOUBLE, 4, 1);
        assertThat(s.table(3, column).toDoubleVector()).containsExactly(0.5, 0.5, 0.5, 0.5);
    }
}
