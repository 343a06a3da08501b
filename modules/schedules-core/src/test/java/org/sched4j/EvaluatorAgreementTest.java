package org.sched4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sched4j.schedule.Schedule;
import org.sched4j.schedule.ScheduleTypes;

/** The scalar, table and graph evaluators agree for every schedule type, at small and very large steps. */
class EvaluatorAgreementTest {
    /** Spec files, one per group of types, under src/test/resources/agreement: one spec per line. */
    private static final List<String> GROUPS = List.of("native", "compose", "plateau", "torch", "mindspore",
            "keras", "optax", "dl4j");

    /** At least one spec per registered type, with parameters that exercise each branch. */
    static final List<String> SPECS = loadSpecs();

    private static List<String> loadSpecs() {
        List<String> out = new java.util.ArrayList<>();
        for (String group : GROUPS) {
            try (var in = EvaluatorAgreementTest.class.getResourceAsStream("/agreement/" + group + ".jsonl")) {
                if (in == null) {
                    continue;
                }
                new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.isBlank()).forEach(out::add);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return List.copyOf(out);
    }
    private static double[] scalar(Schedule s, long[] steps) {
        double[] out = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            out[i] = s.value(steps[i]);
        }
        return out;
    }

    private static void agree(Schedule s, long start, int count) {
        if (s.observesMetrics()) {
            rejectsVectorEvaluators(s);
            return;
        }
        long[] steps = Nd4jBackends.range(start, count);
        double[] expected = scalar(s, steps);
        String name = s.type().name();
        Close.assertClose(name + " table/double", expected, Nd4jBackends.table(s, start, count, DataType.DOUBLE),
                start, Close.DOUBLE);
        Close.assertClose(name + " table/float", expected, Nd4jBackends.table(s, start, count, DataType.FLOAT),
                start, Close.FLOAT);
        Close.assertClose(name + " graph/double", expected, Nd4jBackends.graph(s, steps, DataType.DOUBLE),
                start, Close.DOUBLE);
        Close.assertClose(name + " graph/float", expected, Nd4jBackends.graph(s, steps, DataType.FLOAT),
                start, Close.FLOAT);
        Close.assertClose(name + " formula graph/double", expected,
                Nd4jBackends.graph(s, steps, DataType.DOUBLE, true), start, Close.DOUBLE);
        Close.assertClose(name + " formula graph/float", expected,
                Nd4jBackends.graph(s, steps, DataType.FLOAT, true), start, Close.FLOAT);
    }

    /** A plateau schedule is not a function of the step: table and graph refuse it, saying why. */
    private static void rejectsVectorEvaluators(Schedule s) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.table(0, 10, DataType.FLOAT))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageStartingWith("table: " + s.type().name() + " depends on observed metrics");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.toGraph(SameDiff.create(),
                SameDiff.create().placeHolder("step", DataType.INT64, -1)))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageStartingWith("graph: " + s.type().name() + " depends on observed metrics");
    }

    @Test
    void everyRegisteredTypeIsCovered() {
        List<String> covered = SPECS.stream().map(j -> Schedule.parse(j).type().name()).toList();
        for (var t : ScheduleTypes.all()) {
            assertThat(covered).as("agreement specs").contains(t.name());
        }
    }

    @TestFactory
    Stream<DynamicTest> stepsZeroToTenThousand() {
        return SPECS.stream().map(j -> DynamicTest.dynamicTest(j, () -> agree(Schedule.parse(j), 0, 10_001)));
    }

    @TestFactory
    Stream<DynamicTest> stepsNearTwoToThe31() {
        long last = Integer.MAX_VALUE;
        return SPECS.stream().map(j -> DynamicTest.dynamicTest(j, () -> {
            Schedule s = Schedule.parse(j);
            agree(s, last - 63, 64);
            // DL4J's entry point at the largest int it can pass agrees with the long-step evaluator.
            assertThat(s.valueAt(Integer.MAX_VALUE, 0)).isEqualTo(s.value(last));
        }));
    }

    @TestFactory
    Stream<DynamicTest> stepsPastFloat32AndAtTwoToThe40() {
        return SPECS.stream().map(j -> DynamicTest.dynamicTest(j, () -> {
            Schedule s = Schedule.parse(j);
            agree(s, (1L << 24) - 8, 16);
            agree(s, (1L << 40) - 8, 16);
        }));
    }

    @Test
    void integerWorkStaysExactPastTwoToThe24() {
        // 2^24 + 1 is not a float32; a float step would put it in the wrong stair.
        Schedule s = Schedule.parse("{\"type\":\"step\",\"initial\":1.0,\"step_size\":16777217,\"gamma\":0.5}");
        long[] steps = {16_777_216L, 16_777_217L};
        double[] expected = {1.0, 0.5};
        Close.assertClose("scalar", expected, new double[] {s.value(steps[0]), s.value(steps[1])}, steps[0], 0);
        Close.assertClose("table", expected, Nd4jBackends.table(s, steps[0], 2, DataType.FLOAT), steps[0], 0);
        Close.assertClose("graph", expected, Nd4jBackends.graph(s, steps, DataType.FLOAT), steps[0], 0);
    }

    @Test
    void graphAcceptsInt32ScalarStepAndConstantSchedules() {
        for (String j : List.of(SPECS.get(0), SPECS.get(6))) {
            Schedule s = Schedule.parse(j);
            SameDiff sd = SameDiff.create();
            SDVariable step = sd.placeHolder("step", DataType.INT32);
            SDVariable out = s.toGraph(sd, step);
            INDArray r = sd.output(Map.of("step", Nd4j.scalar(1234)), out.name()).get(out.name());
            assertThat(r.rank()).isZero();
            assertThat(r.dataType()).isEqualTo(DataType.FLOAT);
            assertThat((double) r.getFloat(0)).isCloseTo(s.value(1234), org.assertj.core.api.Assertions.within(1e-7));
        }
    }

    @Test
    void floorDivisionAndModuloOfNegativeIntegersFollowTheFloor() {
        // (t - 10) // 7 and (t - 10) % 7 at t = 0, 3, 4, 10: floor(-10/7) = -2, floor(-7/7) = -1,
        // floor(-6/7) = -1, 0; remainders 4, 0, 1, 0. By -7: floor(10/7) = 1, 1, 0, 0 and -3, 0, -6, 0.
        org.sched4j.expr.IntExpr local = org.sched4j.expr.Ex.sub(org.sched4j.expr.Ex.step(), 10);
        long[] steps = {0, 3, 4, 10};
        double[][] expected = {{-2, -1, -1, 0}, {4, 0, 1, 0}, {1, 1, 0, 0}, {-3, 0, -6, 0}};
        org.sched4j.expr.IntExpr[] exprs = {org.sched4j.expr.Ex.floorDiv(local, 7),
            org.sched4j.expr.Ex.floorMod(local, 7), org.sched4j.expr.Ex.floorDiv(local, -7),
            org.sched4j.expr.Ex.floorMod(local, -7)};
        for (int i = 0; i < exprs.length; i++) {
            org.sched4j.expr.RealExpr e = org.sched4j.expr.Ex.toReal(exprs[i]);
            double[] table = new double[steps.length];
            for (int k = 0; k < steps.length; k++) {
                table[k] = org.sched4j.eval.TableEvaluator.table(e, steps[k], 1, DataType.DOUBLE).getDouble(0);
            }
            assertThat(table).as("table %d", i).containsExactly(expected[i]);
            SameDiff sd = SameDiff.create();
            SDVariable step = sd.placeHolder("step", DataType.INT64, -1);
            SDVariable out = org.sched4j.eval.GraphEvaluator.toGraph(e, sd, step, DataType.DOUBLE);
            assertThat(sd.output(Map.of("step", Nd4j.createFromArray(steps)), out.name()).get(out.name())
                    .toDoubleVector()).as("graph %d", i).containsExactly(expected[i]);
        }
    }

    @Test
    void milestoneCountsWorkForOneStep() {
        // 1.0 * 0.5^(milestones <= t); one-element step vectors once failed to broadcast against the milestones.
        Schedule s = Schedule.parse("{\"type\":\"multistep\",\"initial\":1,\"milestones\":[10,20],\"gamma\":0.5}");
        assertThat(Nd4jBackends.table(s, 15, 1, DataType.DOUBLE)).containsExactly(0.5);
        assertThat(Nd4jBackends.graph(s, new long[] {25}, DataType.DOUBLE)).containsExactly(0.25);
        SameDiff sd = SameDiff.create();
        SDVariable step = sd.placeHolder("step", DataType.INT64);
        SDVariable out = s.toGraph(sd, step, DataType.DOUBLE);
        INDArray r = sd.output(Map.of("step", Nd4j.scalar(5L)), out.name()).get(out.name());
        assertThat(r.rank()).isZero();
        assertThat(r.getDouble(0)).isEqualTo(1.0);
    }

    @Test
    void graphRejectsAFloatStep() {
        SameDiff sd = SameDiff.create();
        SDVariable step = sd.placeHolder("step", DataType.FLOAT);
        Schedule s = Schedule.parse(SPECS.get(1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.toGraph(sd, step))
                .hasMessageStartingWith("step: must be INT32 or INT64");
    }

    @Test
    void tableRejectsBadRanges() {
        Schedule s = Schedule.parse(SPECS.get(1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.table(-1, 5, DataType.FLOAT))
                .hasMessageStartingWith("start: must be >= 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.table(0, -5, DataType.FLOAT))
                .hasMessageStartingWith("count: must be >= 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.table(0, 5, DataType.INT32))
                .hasMessageStartingWith("dataType: must be a floating-point type");
        assertThat(s.table(7, 0, DataType.FLOAT).length()).isZero();
    }
}
