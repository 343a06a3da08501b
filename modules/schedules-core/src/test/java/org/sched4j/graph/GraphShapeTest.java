package org.sched4j.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sched4j.Close;
import org.sched4j.schedule.Schedule;

/**
 * Every schedule on every kind of step a graph may hold: an INT32 or INT64 scalar placeholder, an INT64
 * vector placeholder fed one step or several, an INT64 scalar variable, and a step computed by other ops
 * (whose rank is unknown when the schedule is built). The result has the step's shape. Also a table of one
 * step: ND4J takes a [1, 1] array for a scalar when broadcasting, which once broke milestone counts there.
 */
class GraphShapeTest {
    private static final long[] SEVERAL = {0, 7, 1234, 40_000, (1L << 24) + 1, Integer.MAX_VALUE};
    private static final long ONE = 4321;

    @TestFactory
    Stream<DynamicTest> everyStepShape() {
        return AgreementSpecs.stepFunctions().stream().flatMap(j -> Stream.of(false, true).map(formula ->
                DynamicTest.dynamicTest(j + (formula ? " (formula)" : ""), () -> stepShapes(j, formula))));
    }

    /** The schedule's graph form: the one {@code toGraph} picks, or the formula. */
    private static SDVariable graph(Schedule s, SameDiff sd, SDVariable step, boolean formula) {
        return formula ? s.toGraphFormula(sd, step, DataType.DOUBLE) : s.toGraph(sd, step, DataType.DOUBLE);
    }

    private static void stepShapes(String j, boolean formula) {
        {
            Schedule s = Schedule.parse(j);
            SameDiff sd = SameDiff.create();
            SDVariable int32 = graph(s, sd, sd.placeHolder("int32", DataType.INT32), formula);
            SDVariable int64 = graph(s, sd, sd.placeHolder("int64", DataType.INT64), formula);
            SDVariable vector = graph(s, sd, sd.placeHolder("vector", DataType.INT64, -1), formula);
            SDVariable single = graph(s, sd, sd.placeHolder("single", DataType.INT64, -1), formula);
            SDVariable variable = graph(s, sd, sd.var("global", Nd4j.scalar(ONE)), formula);
            SDVariable computedScalar = graph(s, sd, sd.placeHolder("c0", DataType.INT64).add(0L), formula);
            SDVariable computedVector = graph(s, sd, sd.placeHolder("c1", DataType.INT64, -1).add(0L),
                    formula);
            Map<String, INDArray> feed = Map.of("int32", Nd4j.scalar((int) ONE), "int64", Nd4j.scalar(ONE),
                    "vector", Nd4j.createFromArray(SEVERAL), "single", Nd4j.createFromArray(new long[] {ONE}),
                    "c0", Nd4j.scalar(ONE), "c1", Nd4j.createFromArray(SEVERAL));
            List<SDVariable> outs = List.of(int32, int64, vector, single, variable, computedScalar, computedVector);
            Map<String, INDArray> r = sd.output(feed, outs.stream().map(SDVariable::name).toList());
            double at = s.value(ONE);
            double[] several = new double[SEVERAL.length];
            for (int i = 0; i < several.length; i++) {
                several[i] = s.value(SEVERAL[i]);
            }
            for (SDVariable scalar : List.of(int32, int64, variable, computedScalar)) {
                INDArray v = r.get(scalar.name());
                assertThat(v.shape()).as(j).isEmpty();
                Close.assertClose(j, new double[] {at}, new double[] {v.getDouble(0)}, ONE, Close.DOUBLE);
            }
            assertThat(r.get(single.name()).shape()).as(j).containsExactly(1);
            Close.assertClose(j, new double[] {at}, r.get(single.name()).toDoubleVector(), ONE, Close.DOUBLE);
            for (SDVariable v : List.of(vector, computedVector)) {
                assertThat(r.get(v.name()).shape()).as(j).containsExactly(SEVERAL.length);
                Close.assertClose(j, several, r.get(v.name()).toDoubleVector(), 0, Close.DOUBLE);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> tableOfOneStep() {
        return AgreementSpecs.stepFunctions().stream().map(j -> DynamicTest.dynamicTest(j, () -> {
            Schedule s = Schedule.parse(j);
            Close.assertClose(j, new double[] {s.value(ONE)}, s.table(ONE, 1, DataType.DOUBLE).toDoubleVector(), ONE,
                    Close.DOUBLE);
        }));
    }
}
