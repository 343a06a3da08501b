package org.sched4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sched4j.dialect.optax.Optax;
import org.sched4j.dialect.optax.Optax.CosineKwargs;
import org.sched4j.schedule.Schedule;
import org.sched4j.schedule.ScheduleTypes;
import org.sched4j.spec.SpecException;

/**
 * The {@code optax.*} dialect against Optax's documented values (its docstrings and its own tests in
 * {@code optax/schedules/_schedule_test.py}, cited as "Optax test") and formulas worked by hand, and each
 * rejection with its message. Specs are written with single quotes for readability.
 */
class OptaxDialectTest {
    private static Schedule parse(String singleQuoted) {
        return Schedule.parse(singleQuoted.replace('\'', '"'));
    }

    private static void expect(Schedule s, long step, double expected) {
        assertThat(s.value(step)).as("%s at step %d", s.toJson(), step)
                .isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
    }

    private static void expectAll(Schedule s, double... expected) {
        for (int t = 0; t < expected.length; t++) {
            expect(s, t, expected[t]);
        }
    }

    private static void rejects(String singleQuoted, String message) {
        assertThatThrownBy(() -> parse(singleQuoted)).isInstanceOf(SpecException.class)
                .hasMessageStartingWith(message);
    }

    // ---- constant, polynomial, linear ----

    @Test
    void constantScheduleFromTheDocstring() {
        Schedule s = parse("{'type':'optax.constant_schedule','value':5}");
        expect(s, 0, 5);
        expect(s, 100, 5);
        assertThat(Optax.constantSchedule(5)).isEqualTo(s);
    }

    @Test
    void polynomialWithTransitionBeginFromTheDocstring() {
        Schedule s = Optax.polynomialSchedule(1.0, 0.01, 2, 100, 5);
        expect(s, 0, 1.0);
        expect(s, 5, 1.0);
        expect(s, 6, 0.99 * Math.pow(1 - 1 / 100.0, 2) + 0.01); // 0.9803
        expect(s, 104, 0.99 * Math.pow(1 - 99 / 100.0, 2) + 0.01); // 0.0101
        expect(s, 105, 0.01);
        expect(s, 110, 0.01);
    }

    @Test
    void polynomialWithoutTransitionStepsHoldsInitValue() {
        // Optax test_zero_steps_schedule: transition_steps in [-1, 0] is the constant init_value.
        for (long steps : new long[] {-1, 0}) {
            Schedule s = Optax.polynomialSchedule(10.0, 20.0, 1, steps, 0);
            expect(s, 0, 10.0);
            expect(s, 14, 10.0);
        }
    }

    @Test
    void negativeTransitionBeginCountsAsZero() {
        Schedule late = Optax.linearSchedule(1.0, 0.0, 10, -20);
        Schedule now = Optax.linearSchedule(1.0, 0.0, 10, 0);
        for (long t = 0; t < 12; t++) {
            assertThat(late.value(t)).isEqualTo(now.value(t));
        }
        expect(late, 3, 0.7);
    }

    @Test
    void linearFromOptaxTest() {
        // Optax test_linear: 10 -> 20 over 10 steps, then 20.
        Schedule s = Optax.linearSchedule(10.0, 20.0, 10, 0);
        expectAll(s, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 20, 20);
    }

    @Test
    void warmupConstantIsALinearWarmup() {
        Schedule s = Optax.warmupConstantSchedule(0.0, 1.0, 4);
        expectAll(s, 0, 0.25, 0.5, 0.75, 1, 1, 1);
    }

    // ---- piecewise ----

    @Test
    void piecewiseConstantMultipliesScalesFromEachBoundaryOn() {
        // Optax tests test_positive / test_negative: {3: 2.0, 6: 0.5}.
        expectAll(parse("{'type':'optax.piecewise_constant_schedule','init_value':0.1,"
                + "'boundaries_and_scales':{'3':2.0,'6':0.5}}"), 0.1, 0.1, 0.1, 0.2, 0.2, 0.2, 0.1, 0.1, 0.1, 0.1);
        expectAll(Optax.piecewiseConstantSchedule(-0.1, Map.of(6L, 0.5, 3L, 2.0)),
                -0.1, -0.1, -0.1, -0.2, -0.2, -0.2, -0.1);
        // Docstring: {100: 0.1, 200: 0.01}.
        Schedule doc = Optax.piecewiseConstantSchedule(1.0, Map.of(100L, 0.1, 200L, 0.01));
        expect(doc, 50, 1.0);
        expect(doc, 150, 0.1);
        expect(doc, 250, 1.0 * 0.1 * 0.01);
        expect(parse("{'type':'optax.piecewise_constant_schedule','init_value':0.7}"), 1000, 0.7);
    }

    @Test
    void piecewiseInterpolateLinearFromOptaxTestAndDocstring() {
        // Optax test_linear_piecewise: 200 -> 300 over [0, 5), -> 75 over [5, 10).
        expectAll(Optax.piecewiseInterpolateSchedule("linear", 200.0, Map.of(5L, 1.5, 10L, 0.25)),
                200, 220, 240, 260, 280, 300, 255, 210, 165, 120, 75, 75, 75);
        Schedule doc = Optax.piecewiseInterpolateSchedule("linear", 1.0, Map.of(4L, 0.1, 8L, 0.01));
        expect(doc, 2, 0.55);
        expect(doc, 4, 0.1);
        expect(doc, 6, 0.0505);
        expect(doc, 8, 0.001);
        expect(doc, 10, 0.001);
    }

    @Test
    void piecewiseInterpolateCosineSortsTheSteps() {
        // Optax test_cos_piecewise: {5: 1.2, 3: 0.6, 7: 1.0}, values 400, 240, 288, 288.
        expectAll(parse("{'type':'optax.piecewise_interpolate_schedule','interpolate_type':'cosine',"
                + "'init_value':400.0,'boundaries_and_scales':{'5':1.2,'3':0.6,'7':1.0}}"),
                400, 360, 280, 240, 264, 288, 288, 288, 288);
    }

    @Test
    void piecewiseInterpolateZeroFirstStepAndEmptyMap() {
        // Optax test_zero_interval_size: the interval [0, 0) has length max(0, 1) and is never used.
        Schedule s = Optax.piecewiseInterpolateSchedule("linear", 13.0, Map.of(0L, 2.0, 5L, 3.0));
        expect(s, 0, 26.0);
        expect(s, 1, 26.0 + (78.0 - 26.0) / 5);
        expect(s, 5, 78.0);
        expectAll(Optax.piecewiseInterpolateSchedule("cosine", 17.0, Map.of()), 17, 17, 17);
    }

    @Test
    void piecewiseValuesStayExactPastTwoToThe40() {
        long b = (1L << 40) + 2;
        Schedule s = Optax.piecewiseInterpolateSchedule("linear", 1.0, Map.of(b, 0.0));
        expect(s, b / 2, 0.5);
        expect(s, b, 0.0);
        Schedule c = Optax.piecewiseConstantSchedule(1.0, Map.of(b, 0.5));
        expect(c, b - 1, 1.0);
        expect(c, b, 0.5);
    }

    // ---- exponential ----

    @Test
    void exponentialHalvesEachStep() {
        // Optax test_immutable_count.
        expectAll(Optax.exponentialDecay(32.0, 1, 0.5), 32, 16, 8, 4, 2);
    }

    @Test
    void exponentialStaircaseAfterTransitionBegin() {
        // Optax test_exponential(staircase=True, transition_begin=5): init * 2^floor((t - 5) / 2) from step 5.
        Schedule s = Optax.exponentialDecay(1.0, 2, 2.0, 5, true, null);
        expectAll(s, 1, 1, 1, 1, 1, 1, 1, 2, 2, 4, 4);
        Schedule smooth = Optax.exponentialDecay(1.0, 2, 2.0, 5, false, null);
        expect(smooth, 6, Math.pow(2.0, 0.5));
    }

    @Test
    void endValueClipsFromBelowWhenDecayingAndFromAboveOtherwise() {
        // rate < 1: max(value, end) — even before transition_begin.
        Schedule down = Optax.exponentialDecay(1.0, 2, 0.5, 10, false, 2.0);
        expect(down, 0, 2.0);
        Schedule floor = Optax.exponentialDecay(1.0, 1, 0.5, 0, false, 0.2);
        expectAll(floor, 1.0, 0.5, 0.25, 0.2, 0.2);
        // rate >= 1: min(value, end); Optax test_end_value_with_staircase(1.0, 0.1): 0.1 from step 0.
        expect(Optax.exponentialDecay(1.0, 2, 1.0, 3, true, 0.1), 0, 0.1);
        expectAll(Optax.exponentialDecay(1.0, 1, 2.0, 0, false, 5.0), 1, 2, 4, 5, 5);
    }

    @Test
    void exponentialDegenerateArgumentsHoldInitValueUnclipped() {
        // Optax test_nonvalid_transition_steps / test_nonvalid_decay_rate: the constant init_value.
        expect(Optax.exponentialDecay(1.0, 0, 0.5, 0, false, 5.0), 7, 1.0);
        expect(Optax.exponentialDecay(1.0, -1, 0.5, 0, false, 5.0), 7, 1.0);
        expect(Optax.exponentialDecay(1.0, 2, 0.0, 0, false, 5.0), 7, 1.0);
    }

    @Test
    void missingEndValueIsNoneAndRoundTrips() {
        Schedule s = parse("{'type':'optax.exponential_decay','init_value':1.0,'transition_steps':1,"
                + "'decay_rate':0.5}");
        assertThat(s.toJson()).contains("\"end_value\":null");
        assertThat(Schedule.parse(s.toJson())).isEqualTo(s).isEqualTo(Optax.exponentialDecay(1.0, 1, 0.5));
        expect(s, 60, Math.pow(0.5, 60));
    }

    @Test
    void warmupExponentialStartsTheDecayAtPeakValue() {
        Schedule s = Optax.warmupExponentialDecaySchedule(0.0, 1.0, 2, 1, 0.5, 0, false, null);
        expectAll(s, 0, 0.5, 1, 0.5, 0.25, 0.125);
        Schedule begin = Optax.warmupExponentialDecaySchedule(0.0, 1.0, 2, 1, 0.5, 2, false, 0.3);
        // The warmup is not clipped; the decay holds peak_value until its local step passes transition_begin.
        expectAll(begin, 0, 0.5, 1, 1, 1, 0.5, 0.3);
    }

    // ---- cosine ----

    @Test
    void cosineDecayWithAlphaFromOptaxTest() {
        // Optax test_decay_count_greater_count_with_alpha: 0.1 * (0.9 * (0.5 + 0.5 cos(pi min(t, 5) / 5)) + 0.1).
        Schedule s = Optax.cosineDecaySchedule(0.1, 5, 0.1, 1.0);
        for (int t = 0; t < 12; t++) {
            expect(s, t, 0.1 * (0.9 * (0.5 + 0.5 * Math.cos(Math.PI * Math.min(t, 5) / 5)) + 0.1));
        }
    }

    @Test
    void cosineDecayExponentAndGiantStepsFromOptaxTests() {
        // Optax test_with_exponent: its float32 values with its tolerance (rtol 1e-6, atol 1e-8), and the formula.
        Schedule s = Optax.cosineDecaySchedule(0.1, 100, 0.0, 2.0);
        expect(s, 0, 0.1);
        assertThat(s.value(10)).isCloseTo(0.09516553580760956, within(1e-6 * 0.0952 + 1e-8));
        expect(s, 10, 0.1 * Math.pow(0.5 * (1 + Math.cos(Math.PI * 10 / 100)), 2));
        expect(s, 50, 0.025);
        assertThat(s.value(75)).isCloseTo(0.0021446612663567066, within(1e-6 * 0.00215 + 1e-8));
        expect(s, 75, 0.1 * Math.pow(0.5 * (1 + Math.cos(Math.PI * 75 / 100)), 2));
        expect(s, 100, 0.0);
        assertThat(Optax.cosineDecaySchedule(1000.0, 10_000_000_000L).value(1_000_000_000L))
                .isCloseTo(975.52826, within(1e-5));
    }

    @Test
    void warmupCosineDecayStepsIncludeTheWarmup() {
        // Optax test_with_exponent: alpha = end / peak; the cosine lasts decay_steps - warmup_steps = 50 steps.
        Schedule s = Optax.warmupCosineDecaySchedule(0.2, 1.21, 50, 100, -3.0, 2.0);
        double alpha = -3.0 / 1.21;
        expect(s, 0, 0.2);
        expect(s, 10, 0.2 + (1.21 - 0.2) * 10 / 50); // 0.402
        expect(s, 50, 1.21);
        expect(s, 75, 1.21 * ((1 - alpha) * 0.25 + alpha)); // -1.9475
        expect(s, 100, 1.21 * alpha); // -3.0
        expect(s, 1000, 1.21 * alpha);
    }

    @Test
    void warmupCosineWithZeroPeakIgnoresEndValue() {
        // Optax test_zero_peak_value: alpha is 0 when peak_value is 0.
        Schedule s = Optax.warmupCosineDecaySchedule(0.2, 0.0, 50, 100, -3.0, 2.0);
        expect(s, 0, 0.2);
        expect(s, 10, 0.16);
        expect(s, 50, 0.0);
        expect(s, 75, 0.0);
        expect(s, 100, 0.0);
    }

    // ---- one-cycle ----

    @Test
    void linearOnecycleFromOptaxTest() {
        expectAll(Optax.linearOnecycleSchedule(10, 1000, 0.3, 0.7, 10.0, 100.0),
                100, 400, 700, 1000, 775, 550, 325, 100, 67, 34, 1, 1);
    }

    @Test
    void cosineOnecycleFromOptaxTest() {
        expectAll(Optax.cosineOnecycleSchedule(5, 1000.0, 0.4, 10.0, 100.0), 100, 550, 1000, 750.25, 250.75, 1, 1);
    }

    @Test
    void onecycleBoundariesAreTruncatedLikePythonInt() {
        // int(0.29 * 10) = 2: the peak comes at step 2, not 3.
        Schedule s = Optax.linearOnecycleSchedule(10, 1.0, 0.29, 0.85, 25.0, 1e4);
        expect(s, 1, 0.04 + (1.0 - 0.04) / 2);
        expect(s, 2, 1.0);
    }

    @Test
    void onecycleBoundariesOnOneStepKeepTheLaterScale() {
        // int(0.2 * 3) = int(0.3 * 3) = 0: Optax's dict literal keeps {0: 1/25}; the peak is never reached.
        Schedule s = Optax.linearOnecycleSchedule(3, 1.0, 0.2, 0.3, 25.0, 1e4);
        double start = 1.0 / 25 / 25;
        double end = start / 1e4;
        expect(s, 0, start);
        expect(s, 1, (end - start) / 3 + start);
        expect(s, 3, end);
    }

    // ---- joins ----

    @Test
    void joinSchedulesFromOptaxTest() {
        List<Schedule> constants = List.of(Optax.constantSchedule(1.0), Optax.constantSchedule(2.0),
                Optax.constantSchedule(1.0));
        expectAll(Optax.joinSchedules(constants, 3, 6), 1, 1, 1, 2, 2, 2, 1);
        // Each schedule sees the step minus its boundary.
        Schedule ramp = Optax.joinSchedules(List.of(Optax.constantSchedule(9.0), Optax.linearSchedule(0, 10, 10, 0)),
                5);
        expect(ramp, 7, 2.0);
    }

    @Test
    void joinBoundariesOutOfOrderLetTheLastPassedBoundaryWin() {
        // out = s0(t); out = t < 5 ? out : s1(t - 5); out = t < 2 ? out : s2(t - 2): s1 never shows.
        Schedule s = Optax.joinSchedules(List.of(Optax.constantSchedule(1.0), Optax.constantSchedule(2.0),
                Optax.constantSchedule(3.0)), 5, 2);
        expectAll(s, 1, 1, 3, 3, 3, 3, 3, 3);
    }

    @Test
    void sgdrRestartsAfterEachCyclesDecaySteps() {
        // Optax SGDRTest.test_limits: each cycle reaches its peak 500 steps after it starts.
        Schedule s = Optax.sgdrSchedule(List.of(new CosineKwargs(0, 1.6, 500, 2000),
                new CosineKwargs(0, 0.8, 500, 3000), new CosineKwargs(0, 0.4, 500, 5000)));
        expect(s, 500, 1.6);
        expect(s, 2000, 0.0);
        expect(s, 2500, 0.8);
        expect(s, 5500, 0.4);
        expect(s, 10_000, 0.0);
        assertThat(Schedule.parse(s.toJson())).isEqualTo(s);
        assertThat(s.toJson()).contains("\"end_value\":0.0,\"exponent\":1.0");
    }

    @Test
    void everyOptaxParityTraceIsRegistered() throws IOException {
        List<ParityTest.Trace> traces = ParityTest.load("optax.jsonl");
        assertThat(traces).hasSize(5);
        for (ParityTest.Trace t : traces) {
            assertThat(ScheduleTypes.find(t.spec().get("type").textValue())).as(t.id()).isNotNull();
        }
    }

    // ---- rejections ----

    @Test
    void stepMapRejections() {
        String head = "{'type':'optax.piecewise_constant_schedule','init_value':1.0,'boundaries_and_scales':";
        rejects(head + "{'abc':0.5}}", "boundaries_and_scales.\"abc\": must be an integer step");
        rejects(head + "{'1.5':0.5}}", "boundaries_and_scales.\"1.5\": must be an integer step");
        rejects(head + "{'3':-1}}", "boundaries_and_scales.\"3\": must be >= 0 (got -1)");
        rejects(head + "{'3':'x'}}", "boundaries_and_scales.\"3\": must be a number");
        rejects(head + "{'3':0.5,'03':0.1}}", "boundaries_and_scales.\"03\": repeats step 3");
        rejects(head + "{'9007199254740993':0.5}}", "boundaries_and_scales.\"9007199254740993\": must be an integer "
                + "step within +-2^53");
        rejects(head + "[3, 0.5]}", "boundaries_and_scales: must be a JSON object from steps to numbers");
        rejects("{'type':'optax.piecewise_interpolate_schedule','interpolate_type':'linar','init_value':1.0}",
                "interpolate_type: must be one of [linear, cosine]");
    }

    @Test
    void cosineKwargsRejections() {
        String cycle = "{'init_value':0.0,'peak_value':1.0,'warmup_steps':2,'decay_steps':8}";
        String head = "{'type':'optax.sgdr_schedule','cosine_kwargs':";
        rejects(head + "[" + cycle + ",{'init_value':0.0,'peak_value':1.0,'warmup_steps':2}]}",
                "cosine_kwargs[1].decay_steps: is required");
        rejects(head + "[{'init_value':0.0,'peak_value':1.0,'warmup_steps':2,'decay_steps':8,'lr':1}]}",
                "cosine_kwargs[0].lr: is not an argument (allowed: init_value, peak_value, warmup_steps, "
                        + "decay_steps, end_value, exponent)");
        rejects(head + "[" + cycle + ",{'init_value':0.0,'peak_value':1.0,'warmup_steps':8,'decay_steps':8}]}",
                "cosine_kwargs[1].decay_steps: must be greater than warmup_steps 8");
        rejects(head + "[" + cycle + ",3]}", "cosine_kwargs[1]: must be a JSON object");
        rejects(head + "[]}", "cosine_kwargs: must have at least 1 element");
        rejects(head + cycle + "}", "cosine_kwargs: must be a JSON array of objects");
    }

    @Test
    void argumentRejections() {
        rejects("{'type':'optax.cosine_decay_schedule','init_value':1.0,'decay_steps':0}",
                "decay_steps: must be >= 1 (got 0)");
        rejects("{'type':'optax.warmup_cosine_decay_schedule','init_value':0.2,'peak_value':1.2,'warmup_steps':10,"
                + "'decay_steps':10}", "decay_steps: must be greater than warmup_steps 10");
        rejects("{'type':'optax.linear_onecycle_schedule','transition_steps':0,'peak_value':5.0}",
                "transition_steps: must be >= 1 (got 0)");
        rejects("{'type':'optax.cosine_onecycle_schedule','transition_steps':0,'peak_value':5.0}",
                "transition_steps: must be >= 1 (got 0)");
        rejects("{'type':'optax.cosine_onecycle_schedule','transition_steps':10,'peak_value':5.0,'div_factor':0}",
                "div_factor: must not be 0 (Optax divides by it)");
        rejects("{'type':'optax.linear_onecycle_schedule','transition_steps':10,'peak_value':5.0,"
                + "'final_div_factor':0}", "final_div_factor: must not be 0");
        rejects("{'type':'optax.linear_onecycle_schedule','transition_steps':10,'peak_value':5.0,'div_factor':-2}",
                "div_factor: gives the negative scale -2.0 at step 3");
        rejects("{'type':'optax.cosine_onecycle_schedule','transition_steps':10,'peak_value':5.0,"
                + "'final_div_factor':-2}", "final_div_factor: gives the negative scale");
        rejects("{'type':'optax.linear_onecycle_schedule','transition_steps':10,'peak_value':5.0,'pct_start':1e300}",
                "pct_start: int(pct_start * transition_steps) must be within +-2^53");
        rejects("{'type':'optax.join_schedules','schedules':[{'type':'optax.constant_schedule','value':1}],"
                + "'boundaries':[3]}", "boundaries: must have one element fewer than the schedules (0), got 1");
        rejects("{'type':'optax.join_schedules','schedules':[],'boundaries':[]}",
                "schedules: must have at least 1 element");
        rejects("{'type':'optax.join_schedules','boundaries':[],'schedules':[{'type':'optax.cosine_decay_schedule',"
                + "'init_value':1.0,'decay_steps':-4}]}", "schedules[0].decay_steps: must be >= 1 (got -4)");
    }
}
