package org.sched4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.sched4j.SpecRejection.rejects;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.sched4j.catalog.Schedules;
import org.sched4j.schedule.Schedule;

/** The catalogue's shapes against values worked by hand from their formulas. */
class NativeShapesTest {
    private static final double EPS = 1e-15;

    private static void expect(Schedule s, long step, double expected) {
        assertThat(s.value(step)).as("%s at step %d", s, step).isCloseTo(expected, within(EPS));
    }

    private static void expectMomentum(Schedule s, long step, double expected) {
        assertThat(s.momentum(step)).as("%s momentum at step %d", s, step).isCloseTo(expected, within(EPS));
    }

    /**
     * The value at one (large) step by every evaluator, in double. Tables and graph step vectors hold two
     * entries: a one-entry vector over a count of several boundaries fails in ND4J (reported separately).
     */
    private static void expectEverywhere(Schedule s, long step, double expected, double tol) {
        assertThat(s.value(step)).as("scalar at %d", step).isCloseTo(expected, within(tol));
        assertThat(s.table(step, 2, DataType.DOUBLE).getDouble(0)).as("table at %d", step)
                .isCloseTo(expected, within(tol));
        assertThat(Nd4jBackends.graph(s, new long[] {step, step + 1}, DataType.DOUBLE)[0]).as("graph at %d", step)
                .isCloseTo(expected, within(tol));
    }

    /** The momentum at one step by every evaluator, in double. */
    private static void expectMomentumEverywhere(Schedule s, long step, double expected) {
        assertThat(s.momentum(step)).as("momentum scalar at %d", step).isCloseTo(expected, within(1e-12));
        assertThat(s.momentumTable(step, 2, DataType.DOUBLE).getDouble(0)).as("momentum table at %d", step)
                .isCloseTo(expected, within(1e-12));
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("step", DataType.INT64, -1);
        SDVariable out = s.momentumToGraph(sd, in, DataType.DOUBLE);
        double graph = sd.output(Map.of("step", Nd4j.createFromArray(step, step + 1)), out.name()).get(out.name())
                .getDouble(0);
        assertThat(graph).as("momentum graph at %d", step).isCloseTo(expected, within(1e-12));
    }

    @Test
    void naturalExpContinuousAndStaircase() {
        Schedule s = Schedules.naturalExp(2.0, 0.5, 4, false);
        expect(s, 0, 2.0);
        expect(s, 2, 2.0 * Math.exp(-0.25)); // p = 2/4
        Schedule stairs = Schedules.naturalExp(2.0, 0.5, 4, true);
        expect(stairs, 3, 2.0);
        expect(stairs, 4, 2.0 * Math.exp(-0.5));
        expect(stairs, 9, 2.0 * Math.exp(-1.0)); // p = floor(9/4) = 2
    }

    @Test
    void inverseTimeContinuousAndStaircase() {
        Schedule s = Schedules.inverseTime(1.0, 0.5, 2, false);
        expect(s, 2, 1.0 / 1.5);
        expect(s, 3, 1.0 / 1.75);
        Schedule stairs = Schedules.inverseTime(1.0, 0.5, 2, true);
        expect(stairs, 3, 1.0 / 1.5);
        expect(stairs, 4, 0.5);
    }

    @Test
    void linearGoesEitherWayThenHolds() {
        Schedule down = Schedules.linear(1.0, 0.0, 4);
        expect(down, 1, 0.75);
        expect(down, 4, 0.0);
        expect(down, 9, 0.0);
        expect(Schedules.linear(0.0, 2.0, 4), 2, 1.0);
    }

    @Test
    void constantFactorAppliesOnItsWindowOnly() {
        Schedule s = Schedules.constantFactor(0.5, 0.1, 2, 5);
        expect(s, 1, 0.5);
        expect(s, 2, 0.05);
        expect(s, 4, 0.05);
        expect(s, 5, 0.5);
        rejects("{\"type\":\"constant_factor\",\"value\":1,\"factor\":0.5,\"begin\":5,\"end\":5}", "end", "> begin");
    }

    @Test
    void polynomialCycleStretchesTheHorizon() {
        Schedule s = Schedules.polynomialCycle(1.0, 0.0, 4, 1.0);
        expect(s, 0, 1.0); // D = 4 at step 0
        expect(s, 2, 0.5);
        expect(s, 4, 0.0); // ceil(4/4) = 1: D = 4
        expect(s, 5, 1 - 5.0 / 8); // ceil(5/4) = 2: D = 8
        expect(s, 8, 0.0);
        expect(s, 9, 1 - 9.0 / 12);
        Schedule squared = Schedules.polynomialCycle(1.0, 0.1, 4, 2.0);
        expect(squared, 5, 0.9 * 0.375 * 0.375 + 0.1);
        // Without cycle the old behaviour: held at final.
        expect(Schedules.polynomial(1.0, 0.1, 4, 2.0), 5, 0.1);
    }

    @Test
    void cosineExponentRaisesTheHalfCosine() {
        Schedule s = Schedules.cosine(1.0, 0.0, 4, 2.0);
        expect(s, 1, Math.pow((1 + Math.cos(Math.PI / 4)) / 2, 2));
        expect(s, 2, 0.25); // (1/2)^2
        expect(s, 9, 0.0);
        Schedule floor = Schedules.cosine(1.0, 0.2, 4, 0.5);
        expect(floor, 2, 0.2 + 0.8 * Math.sqrt(0.5));
        // Exponent 1, the default, is the plain cosine of old specs.
        assertThat(Schedule.parse("{\"type\":\"cosine\",\"initial\":1,\"decay_steps\":4}"))
                .isEqualTo(Schedules.cosine(1.0, 0.0, 4, 1.0));
    }

    @Test
    void cosineRestartsWithGeometricCyclesAndDecayingPeaks() {
        // Cycles [0, 4), [4, 12), [12, 28); peaks 1, 0.5, 0.25.
        Schedule s = Schedules.cosineRestarts(1.0, 0.0, 4, 2.0, 0.5);
        expect(s, 0, 1.0);
        expect(s, 2, 0.5); // (1 + cos(pi/2)) / 2
        expect(s, 4, 0.5);
        expect(s, 8, 0.25); // 0.5 * (1 + cos(pi * 4/8)) / 2
        expect(s, 12, 0.25);
        expect(s, 20, 0.125);
        Schedule floor = Schedules.cosineRestarts(1.0, 0.1, 4, 2.0, 0.5);
        expect(floor, 4, 0.1 + 0.9 * 0.5); // the floor is not scaled
        Schedule same = Schedules.cosineRestarts(1.0, 0.0, 3, 1.0, 1.0);
        expect(same, 3, 1.0);
        expect(same, 4, 0.75); // (1 + cos(pi/3)) / 2
    }

    @Test
    void cosineRestartsWithNonIntegerCycleLengths() {
        // Lengths 2, 3, 4.5, 6.75; starts 0, 2, 5, 9.5, 16.25; peaks 0.9^i.
        Schedule s = Schedules.cosineRestarts(1.0, 0.0, 2, 1.5, 0.9);
        expect(s, 5, 0.81);
        expect(s, 9, 0.81 * (1 + Math.cos(Math.PI * 4 / 4.5)) / 2);
        expect(s, 10, 0.729 * (1 + Math.cos(Math.PI * 0.5 / 6.75)) / 2); // cycle 3 began at 9.5
        rejects("{\"type\":\"cosine_restarts\",\"initial\":1,\"first_cycle_steps\":1,\"cycle_mult\":1.001}",
                "cycle_mult", "1024 cycles");
    }

    @Test
    void cosineRestartsAreExactAtHugeSteps() {
        // first_cycle_steps 1, doubling: cycle i starts at 2^i - 1.
        Schedule s = Schedules.cosineRestarts(1.0, 0.0, 1, 2.0, 1.0);
        long start = (1L << 40) - 1;
        expectEverywhere(s, start, 1.0, 1e-12);
        expectEverywhere(s, start + (1L << 39), 0.5, 1e-12); // half way through the 2^40-step cycle
        expectEverywhere(s, start - 1, 0.5 * (1 + Math.cos(Math.PI * (1 - 0x1p-39))), 1e-12);
    }

    @Test
    void cyclicModes() {
        // Cycle of 6: up over 2, down over 4.
        Schedule s = Schedules.cyclic(1.0, 3.0, 2, 4, "triangular", 1.0);
        expect(s, 0, 1.0);
        expect(s, 1, 2.0);
        expect(s, 2, 3.0);
        expect(s, 3, 2.5); // (6 - 3) / 4 of the way up
        expect(s, 5, 1.5);
        expect(s, 6, 1.0);
        Schedule halving = Schedules.cyclic(1.0, 3.0, 2, 4, "triangular2", 1.0);
        expect(halving, 8, 2.0); // cycle 2: half the amplitude
        expect(halving, 14, 1.5); // cycle 3: a quarter
        Schedule exp = Schedules.cyclic(1.0, 3.0, 2, 4, "exp_range", 0.5);
        expect(exp, 1, 1.5); // 1 + 2 * 0.5 * 0.5^1
        expect(exp, 2, 1.5); // 1 + 2 * 1 * 0.5^2
        Schedule saw = Schedules.cyclic(0.0, 1.0, 4, 0, "triangular", 1.0);
        expect(saw, 3, 0.75);
        expect(saw, 4, 0.0);
    }

    @Test
    void cyclicMomentumMovesTheOtherWay() {
        Schedule s = Schedules.cyclic(1.0, 3.0, 2, 4, "triangular2", 1.0, 0.8, 0.9);
        expectMomentum(s, 0, 0.9);
        expectMomentum(s, 1, 0.85);
        expectMomentum(s, 2, 0.8);
        expectMomentum(s, 8, 0.85); // half the swing in cycle 2
        assertThat(Schedules.cyclic(1.0, 3.0, 2, 4, "triangular", 1.0).hasMomentum()).isFalse();
        // Cycle position exact at 2^40 + 3 (2^40 is a multiple of the 8-step cycle).
        Schedule big = Schedules.cyclic(1.0, 3.0, 3, 5, "triangular", 1.0, 0.8, 0.9);
        expectEverywhere(big, (1L << 40) + 3, 3.0, 1e-12);
        expectMomentumEverywhere(big, (1L << 40) + 3, 0.8);
        expectMomentumEverywhere(big, (1L << 40) + 1, 0.9 - 0.1 / 3);
    }

    @Test
    void cyclicStepSizeDownDefaultsToStepSizeUp() {
        Schedule s = Schedule.parse("{\"type\":\"cyclic\",\"base\":0,\"peak\":1,\"step_size_up\":5}");
        assertThat(s.args().integer("step_size_down")).isEqualTo(5);
        assertThat(s.toJson()).contains("\"step_size_down\":5");
        expect(s, 7, 0.6); // (10 - 7) / 5
    }

    @Test
    void oneCycleCosineTwoPhases() {
        // initial 1/10, min 0.1/100; phase ends 0.3 * 10 - 1 = 2 and 9.
        Schedule s = Schedules.oneCycle(1.0, 10, 0.3, "cos", 10, 100, false);
        expect(s, 0, 0.1);
        expect(s, 1, 1.0 + (0.1 - 1.0) / 2 * (Math.cos(Math.PI * 0.5) + 1));
        expect(s, 2, 1.0);
        expect(s, 3, 0.001 + (1.0 - 0.001) / 2 * (Math.cos(Math.PI / 7) + 1));
        expect(s, 9, 0.001);
        expect(s, 10, 0.001);
        expect(s, 1_000_000, 0.001);
        expectMomentum(s, 0, 0.95);
        expectMomentum(s, 2, 0.85);
        expectMomentum(s, 9, 0.95);
        expectMomentumEverywhere(s, 1L << 40, 0.95);
    }

    @Test
    void oneCycleLinearThreePhases() {
        // Phase ends 0.25 * 10 - 1 = 1.5, 2 * 0.25 * 10 - 2 = 3, 9; levels 0.1 -> 1 -> 0.1 -> 0.001.
        Schedule s = Schedules.oneCycle(1.0, 10, 0.25, "linear", 10, 100, true);
        expect(s, 0, 0.1);
        expect(s, 1, (1.0 - 0.1) * (1 / 1.5) + 0.1);
        expect(s, 2, (0.1 - 1.0) * (0.5 / 1.5) + 1.0);
        expect(s, 3, 0.1);
        expect(s, 4, (0.001 - 0.1) * (1 / 6.0) + 0.1);
        expect(s, 9, 0.001);
        expectMomentum(s, 3, 0.95);
        expectMomentum(s, 6, 0.95); // the third phase holds max_momentum
        // A pct_start above one half never reaches the third phase: the value of step N - 1 is held.
        Schedule late = Schedules.oneCycle(1.0, 10, 0.8, "linear", 10, 100, true);
        double last = (0.1 - 1.0) * ((9 - 7.0) / (14 - 7.0)) + 1.0; // phase 2 runs from 7 to 14
        expect(late, 9, last);
        expect(late, 20, last);
    }

    @Test
    void oneCycleRejectsAFirstPhaseOfLengthZero() {
        rejects("{\"type\":\"one_cycle\",\"peak\":1,\"total_steps\":10,\"pct_start\":0.1}", "pct_start", "length 0");
        rejects("{\"type\":\"one_cycle\",\"peak\":1,\"total_steps\":10,\"pct_start\":1.5}", "pct_start", "<= 1");
    }

    @Test
    void warmupShapesBeforeANestedSchedule() {
        Schedule child = Schedules.step(1.0, 2, 0.5);
        Schedule lin = Schedules.warmup(child, 4, "linear", 0.5);
        expect(lin, 0, 0.5);
        expect(lin, 2, 0.75);
        expect(lin, 4, 1.0); // the child at its step 0
        expect(lin, 6, 0.5); // the child at its step 2
        expect(Schedules.warmup(child, 4, "constant", 0.1), 3, 0.1);
        Schedule exp = Schedules.warmup(child, 4, "exponential", 0.01);
        expect(exp, 0, 0.01);
        expect(exp, 2, 0.1); // 0.01^(1 - 2/4)
        expect(exp, 4, 1.0);
        assertThat(Schedule.parse(lin.toJson())).isEqualTo(lin);
        Schedule withMomentum = Schedules.warmup(Schedules.oneCycle(1.0, 10), 5, "linear", 0.0);
        expectMomentum(withMomentum, 3, 0.95);
        expectMomentum(withMomentum, 5 + 2, Schedules.oneCycle(1.0, 10).momentum(2));
    }

    @Test
    void warmupRejectsBadNestingAndFactors() {
        String cosine = "{\"type\":\"cosine\",\"initial\":1,\"decay_steps\":10}";
        rejects("{\"type\":\"warmup\",\"schedule\":" + cosine + ",\"warmup_steps\":5,\"shape\":\"exponential\"}",
                "start_factor", "> 0");
        rejects("{\"type\":\"warmup\",\"schedule\":[" + cosine + "],\"warmup_steps\":5}", "schedule",
                "JSON object");
        rejects("{\"type\":\"warmup\",\"schedule\":{\"type\":\"cosine\",\"initial\":1},\"warmup_steps\":5}",
                "schedule.decay_steps", "required");
    }

    @Test
    void warmupStableDecayShapes() {
        for (String shape : List.of("linear", "cosine", "1-sqrt")) {
            Schedule s = Schedules.warmupStableDecay(0.0, 1.0, 0.2, 2, 3, 4, shape);
            expect(s, 1, 0.5);
            expect(s, 2, 1.0);
            expect(s, 5, 1.0);
            expect(s, 9, 0.2);
            expect(s, 100, 0.2);
        }
        expect(Schedules.warmupStableDecay(0.0, 1.0, 0.2, 2, 3, 4, "linear"), 7, 0.6);
        expect(Schedules.warmupStableDecay(0.0, 1.0, 0.2, 2, 3, 4, "cosine"), 7,
                0.2 + 0.8 * (1 + Math.cos(Math.PI / 2)) / 2);
        expect(Schedules.warmupStableDecay(0.0, 1.0, 0.2, 2, 3, 4, "1-sqrt"), 7, 0.2 + 0.8 * (1 - Math.sqrt(0.5)));
    }

    @Test
    void inverseSqrtAfterLinearWarmup() {
        Schedule s = Schedules.inverseSqrt(1.0, 4);
        expect(s, 0, 0.0);
        expect(s, 2, 0.5);
        expect(s, 4, 1.0);
        expect(s, 16, 0.5); // sqrt(4 / 16)
        expect(s, 100, 0.2);
    }

    @Test
    void sigmoidIsHalfAtTheMidpoint() {
        Schedule s = Schedules.sigmoid(1.0, 0.5, 10);
        expect(s, 10, 0.5);
        expect(s, 12, 1 / (1 + Math.exp(-1)));
        expect(s, 0, 1 / (1 + Math.exp(5)));
    }
}
