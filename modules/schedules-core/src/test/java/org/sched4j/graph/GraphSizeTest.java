package org.sched4j.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.factory.Nd4j;
import org.sched4j.catalog.Schedules;
import org.sched4j.eval.GraphEvaluator;
import org.sched4j.expr.Ex;
import org.sched4j.expr.RealExpr;
import org.sched4j.schedule.Schedule;

/**
 * Graphs stay small: the formula repeats no constant or op and lowers a warmup + cosine to 14 ops, and
 * {@code toGraph} gathers from a table where the schedule stops changing early enough (two ops).
 */
class GraphSizeTest {
    private static final String COSINE = "{\"type\":\"cosine\",\"initial\":0.1,\"final\":0.001,\"decay_steps\":5000}";

    private static SameDiff graphOf(Schedule s) {
        SameDiff sd = SameDiff.create();
        s.toGraphFormula(sd, sd.placeHolder("step", DataType.INT64, -1), DataType.FLOAT);
        return sd;
    }

    /** What an op computes: its name, its inputs and its arguments. */
    private static String opKey(SameDiff sd, DifferentialFunction op) {
        StringBuilder key = new StringBuilder(op.opName()).append(Arrays.toString(op.argNames()))
                .append(op.propertiesForFunction());
        if (op instanceof ScalarOp scalarOp) {
            key.append(scalarOp.scalar().toStringFull());
        }
        if (op instanceof CustomOp c) {
            key.append(Arrays.toString(c.iArgs())).append(Arrays.toString(c.tArgs()))
                    .append(Arrays.toString(c.bArgs())).append(Arrays.toString(c.dArgs()));
        }
        return key.toString();
    }

    private static String constantKey(INDArray a) {
        return a.dataType() + Arrays.toString(a.shape()) + a.toStringFull();
    }

    @TestFactory
    Stream<DynamicTest> noScheduleGraphRepeatsAConstantOrAnOp() {
        return AgreementSpecs.stepFunctions().stream().map(j -> DynamicTest.dynamicTest(j, () -> {
            SameDiff sd = graphOf(Schedule.parse(j));
            Set<String> constants = new HashSet<>();
            for (SDVariable v : sd.variables()) {
                if (v.getVariableType() == VariableType.CONSTANT) {
                    assertThat(constants.add(constantKey(v.getArr()))).as("constant " + v.getArr() + " repeated")
                            .isTrue();
                }
            }
            Set<String> ops = new HashSet<>();
            for (DifferentialFunction op : sd.ops()) {
                assertThat(ops.add(opKey(sd, op))).as("op repeated: " + opKey(sd, op)).isTrue();
            }
            assertThat(Schedule.parse(j).graphFormulaOpCount()).isEqualTo(sd.ops().length);
        }));
    }

    @Test
    void warmupCosineLowersToFourteenOps() {
        // linear warmup (cast, div, mul; its min(t, W) drops out below the boundary), cosine on t - W (sub,
        // min, cast, mul, cos, add, mul, add), the join (less, where) and the cast to float.
        Schedule s = Schedules.warmupCosine(0.01, 500, 9_500, 1e-5);
        assertThat(s.graphFormulaOpCount()).isLessThanOrEqualTo(14);
        assertThat(GraphEvaluator.formulaOpCount(s.expression(), DataType.DOUBLE))
                .isEqualTo(s.graphFormulaOpCount() - 1);
    }

    @Test
    void toGraphGathersWhereTheScheduleStopsChangingEarly() {
        // 500 warmup steps and 9,500 of decay: from step 10,000 on the value is the final 1e-5.
        Schedule s = Schedules.warmupCosine(0.01, 500, 9_500, 1e-5);
        assertThat(GraphEvaluator.horizon(s.expression())).isEqualTo(10_000);
        assertThat(s.graphOpCount()).isEqualTo(2); // min(step, 10000), gather
        long[] steps = {0, 1, 499, 500, 5_250, 9_999, 10_000, 10_001, Integer.MAX_VALUE};
        double[] graph = org.sched4j.Nd4jBackends.graph(s, steps, DataType.DOUBLE);
        for (int i = 0; i < steps.length; i++) {
            long t = steps[i];
            double expected = t < 500 ? 0.01 * t / 500
                    : t < 10_000 ? 1e-5 + (0.01 - 1e-5) * (1 + Math.cos(Math.PI * (t - 500) / 9_500)) / 2 : 1e-5;
            assertThat(graph[i]).as("step " + t).isCloseTo(expected, within(1e-9 * expected));
        }
        // Multistep: the last milestone is the horizon. Exponential decay never stops changing: the formula.
        assertThat(GraphEvaluator.horizon(Schedules.multiStep(0.1, 0.5, 30, 80).expression())).isEqualTo(80);
        Schedule exponential = Schedules.exponential(0.1, 0.96, 1000, false);
        assertThat(GraphEvaluator.horizon(exponential.expression())).isEqualTo(-1);
        assertThat(exponential.graphOpCount()).isEqualTo(exponential.graphFormulaOpCount()).isGreaterThan(2);
        // A horizon past AUTO_TABLE_ENTRIES keeps the formula too.
        Schedule longCosine = Schedules.cosine(0.1, 0, GraphEvaluator.AUTO_TABLE_ENTRIES);
        assertThat(GraphEvaluator.horizon(longCosine.expression())).isEqualTo(-1);
        assertThat(GraphEvaluator.horizon(Schedules.cosine(0.1, 0, GraphEvaluator.AUTO_TABLE_ENTRIES - 1)
                .expression())).isEqualTo(GraphEvaluator.AUTO_TABLE_ENTRIES - 1);
    }

    @Test
    void equalSubtreesBuiltSeparatelyAreLoweredOnce() {
        RealExpr a = Schedule.parse(COSINE).expression();
        RealExpr b = Schedule.parse(COSINE).expression();
        assertThat(a).isNotSameAs(b).isEqualTo(b);
        int one = GraphEvaluator.formulaOpCount(a, DataType.DOUBLE);
        assertThat(GraphEvaluator.formulaOpCount(Ex.add(a, b), DataType.DOUBLE)).isEqualTo(one + 1);
    }

    @Test
    void tableGatherFormReadsThePrecomputedValues() {
        Schedule s = Schedules.warmupCosine(0.01, 500, 9_500, 1e-5);
        long horizon = 10_000;
        long[] steps = {0, 1, 499, 500, 9_999, 10_000, Integer.MAX_VALUE};
        SameDiff sd = SameDiff.create();
        SDVariable step = sd.placeHolder("step", DataType.INT64, -1);
        SDVariable out = s.toGraphTable(sd, step, DataType.FLOAT, horizon);
        assertThat(sd.ops()).hasSize(3);
        INDArray r = sd.output(Map.of("step", Nd4j.createFromArray(steps)), out.name()).get(out.name());
        assertThat(r.dataType()).isEqualTo(DataType.FLOAT);
        INDArray table = s.table(0, horizon, DataType.FLOAT);
        for (int i = 0; i < steps.length; i++) {
            long at = Math.min(steps[i], horizon - 1);
            assertThat(r.getFloat(i)).as("step " + steps[i]).isEqualTo(table.getFloat(at));
            assertThat((double) r.getFloat(i)).isCloseTo(s.value(at), org.assertj.core.api.Assertions.within(2e-6
                    * s.value(at) + 1e-12));
        }
    }

    @Test
    void tableGatherFormHasASizeCap() {
        Schedule s = Schedule.parse(COSINE);
        SameDiff sd = SameDiff.create();
        SDVariable step = sd.placeHolder("step", DataType.INT64);
        assertThatThrownBy(() -> s.toGraphTable(sd, step, DataType.FLOAT, GraphEvaluator.MAX_TABLE_ENTRIES + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("horizon: must be in [1, 4194304] table entries (got 4194305); use toGraph for longer "
                        + "schedules");
        assertThatThrownBy(() -> s.toGraphTable(sd, step, DataType.FLOAT, 0))
                .hasMessageStartingWith("horizon: must be in [1, 4194304]");
        List<String> plateau = AgreementSpecs.all().stream().filter(j -> Schedule.parse(j).observesMetrics()).toList();
        for (String j : plateau) {
            assertThatThrownBy(() -> Schedule.parse(j).toGraphTable(sd, step, DataType.FLOAT, 10))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("depends on observed metrics");
        }
    }
}
