package org.sched4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.sched4j.dialect.mindspore.MindSpore;
import org.sched4j.schedule.Schedule;
import org.sched4j.spec.SpecException;

/**
 * The {@code mindspore.*} types against MindSpore's documented examples and formulas worked by hand, the
 * quirks reproduced on purpose, and MindSpore's argument checks with our messages.
 */
class MindSporeDialectTest {
    private static final double EPS = 1e-15;

    private static void expect(Schedule s, long step, double expected) {
        assertThat(s.value(step)).as("%s at step %d", s, step).isCloseTo(expected, within(EPS));
    }

    private static void expectList(Schedule s, double... expected) {
        for (int i = 0; i < expected.length; i++) {
            expect(s, i, expected[i]);
        }
    }

    private static void rejects(String json, String message) {
        assertThatThrownBy(() -> Schedule.parse(json)).isInstanceOf(SpecException.class).hasMessage(message);
    }

    // ---- graph cells: the examples printed in MindSpore's docstrings (global_step = 2) ----

    @Test
    void exponentialDecayLRDocExample() {
        Schedule s = MindSpore.exponentialDecayLR(0.1, 0.9, 4, false);
        expect(s, 2, 0.1 * Math.sqrt(0.9)); // MindSpore prints 0.09486833 (float32)
        expect(s, 8, 0.1 * 0.9 * 0.9);
        Schedule stair = MindSpore.exponentialDecayLR(0.1, 0.9, 4, true);
        expect(stair, 3, 0.1);
        expect(stair, 4, 0.09);
    }

    @Test
    void naturalExpDecayLRDocExampleAndItsUndividedExponent() {
        expect(MindSpore.naturalExpDecayLR(0.1, 0.9, 4, true), 2, 0.1); // floor(2/4)*4 = 0
        // is_stair: p = floor(t/4)*4, so the stair is e^(-0.9*4), not e^(-0.9)
        expect(MindSpore.naturalExpDecayLR(0.1, 0.9, 4, true), 5, 0.1 * Math.exp(-3.6));
        // without is_stair MindSpore's code uses p = t: decay_steps changes nothing
        Schedule four = MindSpore.naturalExpDecayLR(0.1, 0.9, 4, false);
        Schedule thousand = MindSpore.naturalExpDecayLR(0.1, 0.9, 1000, false);
        expect(four, 3, 0.1 * Math.exp(-2.7));
        expect(thousand, 3, 0.1 * Math.exp(-2.7));
    }

    @Test
    void inverseDecayLRDocExample() {
        expect(MindSpore.inverseDecayLR(0.1, 0.9, 4, true), 2, 0.1);
        expect(MindSpore.inverseDecayLR(0.1, 0.9, 4, true), 9, 0.1 / (1 + 0.9 * 2));
        expect(MindSpore.inverseDecayLR(0.1, 0.9, 4, false), 2, 0.1 / (1 + 0.9 * 0.5));
    }

    @Test
    void cosineDecayLRDocExampleIsClamped() {
        Schedule s = MindSpore.cosineDecayLR(0.01, 0.1, 4);
        expect(s, 0, 0.1);
        expect(s, 2, 0.055);
        expect(s, 4, 0.01);
        expect(s, 9, 0.01); // clamped, not periodic
    }

    @Test
    void polynomialDecayLRDocExampleAndUpdateDecaySteps() {
        Schedule s = MindSpore.polynomialDecayLR(0.1, 0.01, 4, 0.5, false);
        expect(s, 2, 0.09 * Math.sqrt(0.5) + 0.01); // 0.07363961
        expect(s, 7, 0.01);
        Schedule u = MindSpore.polynomialDecayLR(0.1, 0.01, 4, 0.5, true);
        expect(u, 0, 0.1); // D = 4 * max(ceil(0), 1) = 4
        expect(u, 4, 0.01); // reaches the end exactly at each multiple ...
        expect(u, 5, 0.09 * Math.sqrt(3.0 / 8) + 0.01); // ... then D = 8
        expect(u, 8, 0.01);
        expect(u, 9, 0.09 * Math.sqrt(3.0 / 12) + 0.01);
    }

    @Test
    void warmUpLRIsZeroAtStepZero() {
        Schedule s = MindSpore.warmUpLR(0.1, 2);
        expect(s, 0, 0.0);
        expect(s, 1, 0.05);
        expect(s, 2, 0.1); // the doc example
        expect(s, 50, 0.1);
        expect(MindSpore.warmUpLR(0.0, 2), 1, 0.0); // learning_rate may be 0
    }

    // ---- dynamic_lr lists: the lists printed in MindSpore's docstrings ----

    @Test
    void piecewiseConstantLrDocListThenItsLastRate() {
        Schedule s = MindSpore.DynamicLr.piecewiseConstantLr(new long[] {2, 5, 10}, new double[] {0.1, 0.05, 0.01});
        expectList(s, 0.1, 0.1, 0.05, 0.05, 0.05, 0.01, 0.01, 0.01, 0.01, 0.01);
        expect(s, 10, 0.01);
        expect(s, 1_000_000_000_000L, 0.01);
    }

    @Test
    void piecewiseConstantLrEqualMilestonesGiveAnEmptySegment() {
        Schedule s = MindSpore.DynamicLr.piecewiseConstantLr(new long[] {2, 2, 5}, new double[] {0.3, 0.2, 0.1});
        expectList(s, 0.3, 0.3, 0.1, 0.1, 0.1, 0.1);
    }

    @Test
    void exponentialDecayLrDocListHoldsItsLastEntry() {
        Schedule s = MindSpore.DynamicLr.exponentialDecayLr(0.1, 0.9, 6, 2, 1, false);
        expectList(s, 0.1, 0.1, 0.1 * 0.9, 0.1 * 0.9, 0.1 * 0.9 * 0.9, 0.1 * 0.9 * 0.9);
        expect(s, 6, 0.1 * 0.9 * 0.9);
        expect(s, 1L << 40, 0.1 * 0.9 * 0.9);
        Schedule stair = MindSpore.DynamicLr.exponentialDecayLr(0.1, 0.9, 12, 1, 4, true);
        expect(stair, 3, 0.1);
        expect(stair, 4, 0.09);
        expect(MindSpore.DynamicLr.exponentialDecayLr(0.1, 0.9, 12, 1, 4, false), 2, 0.1 * Math.sqrt(0.9));
    }

    @Test
    void naturalExpDecayLrDocList() {
        Schedule s = MindSpore.DynamicLr.naturalExpDecayLr(0.1, 0.9, 6, 2, 2, true);
        expectList(s, 0.1, 0.1, 0.1, 0.1, 0.1 * Math.exp(-1.8), 0.1 * Math.exp(-1.8));
        Schedule plain = MindSpore.DynamicLr.naturalExpDecayLr(0.1, 0.9, 6, 2, 2, false);
        expectList(plain, 0.1, 0.1, 0.1 * Math.exp(-0.9), 0.1 * Math.exp(-0.9));
    }

    @Test
    void inverseDecayLrDocList() {
        Schedule s = MindSpore.DynamicLr.inverseDecayLr(0.1, 0.5, 6, 1, 1, true);
        expectList(s, 0.1, 0.1 / 1.5, 0.1 / 2, 0.1 / 2.5, 0.1 / 3, 0.1 / 3.5);
        expect(MindSpore.DynamicLr.inverseDecayLr(0.1, 0.5, 6, 1, 2, false), 1, 0.1 / 1.25);
    }

    @Test
    void cosineDecayLrDocList() {
        Schedule s = MindSpore.DynamicLr.cosineDecayLr(0.01, 0.1, 6, 2, 2);
        expectList(s, 0.1, 0.1, 0.055, 0.055, 0.01, 0.01);
        expect(s, 100, 0.01);
    }

    @Test
    void polynomialDecayLrDocListAndUpdateDecayEpoch() {
        Schedule s = MindSpore.DynamicLr.polynomialDecayLr(0.1, 0.01, 6, 2, 2, 0.5, false);
        double half = 0.09 * Math.sqrt(0.5) + 0.01;
        expectList(s, 0.1, 0.1, half, half, 0.01, 0.01);
        Schedule u = MindSpore.DynamicLr.polynomialDecayLr(0.1, 0.01, 12, 1, 2, 0.5, true);
        expectList(u, 0.1, half, 0.01, 0.09 * Math.sqrt(0.25) + 0.01, 0.01);
    }

    @Test
    void warmupLrDocList() {
        Schedule s = MindSpore.DynamicLr.warmupLr(0.1, 6, 2, 2);
        expectList(s, 0.0, 0.0, 0.05, 0.05, 0.1, 0.1);
    }

    @Test
    void theEpochIsAnIntegerFloorOfTheStep() {
        Schedule s = MindSpore.DynamicLr.warmupLr(0.3, 100, 3, 3);
        expectList(s, 0.0, 0.0, 0.0, 0.1, 0.1, 0.1, 0.2);
    }

    @Test
    void theStepStaysExactWhereMindSporesFloat32CastWouldRoundIt() {
        // 2^24 + 1 is not a float32: MindSpore's cell would see 2^24 there and stay on the first stair.
        Schedule s = MindSpore.exponentialDecayLR(1.0, 0.5, 16_777_217L, true);
        long[] steps = {16_777_216L, 16_777_217L};
        double[] expected = {1.0, 0.5};
        Close.assertClose("scalar", expected, new double[] {s.value(steps[0]), s.value(steps[1])}, steps[0], 0);
        Close.assertClose("table", expected, Nd4jBackends.table(s, steps[0], 2, DataType.FLOAT), steps[0], 0);
        Close.assertClose("graph", expected, Nd4jBackends.graph(s, steps, DataType.FLOAT), steps[0], 0);
    }

    @Test
    void factoriesBuildTheSpecsTheyName() {
        assertThat(MindSpore.cosineDecayLR(0.01, 0.1, 4)).isEqualTo(Schedule.parse(
                "{\"type\":\"mindspore.CosineDecayLR\",\"min_lr\":0.01,\"max_lr\":0.1,\"decay_steps\":4}"));
        assertThat(MindSpore.DynamicLr.warmupLr(0.1, 6, 2, 2)).isEqualTo(Schedule.parse("{\"type\":"
                + "\"mindspore.warmup_lr\",\"learning_rate\":0.1,\"total_step\":6,\"step_per_epoch\":2,"
                + "\"warmup_epoch\":2}"));
        assertThat(Schedule.parse("{\"type\":\"mindspore.ExponentialDecayLR\",\"learning_rate\":0.1,"
                + "\"decay_rate\":0.9,\"decay_steps\":4}")).isEqualTo(MindSpore.exponentialDecayLR(0.1, 0.9, 4, false));
    }

    // ---- MindSpore's argument checks ----

    @Test
    void rejectsWhatMindSporeRejects() {
        String exp = "{\"type\":\"mindspore.ExponentialDecayLR\",";
        rejects(exp + "\"learning_rate\":0.1,\"decay_rate\":0.9,\"decay_steps\":0}",
                "decay_steps: must be > 0 (got 0)");
        rejects(exp + "\"learning_rate\":0,\"decay_rate\":0.9,\"decay_steps\":4}",
                "learning_rate: must be > 0 (got 0)");
        rejects(exp + "\"learning_rate\":0.1,\"decay_rate\":-0.9,\"decay_steps\":4}",
                "decay_rate: must be > 0 (got -0.9)");
        rejects(exp + "\"learning_rate\":0.1,\"decay_rate\":0.9,\"decay_steps\":2.5}",
                "decay_steps: must be an integer (got 2.5)");
        rejects(exp + "\"learning_rate\":0.1,\"decay_rate\":0.9,\"decay_steps\":4,\"is_stair\":\"yes\"}",
                "is_stair: must be true or false (got string \"yes\")");
        rejects("{\"type\":\"mindspore.WarmUpLR\",\"learning_rate\":-0.1,\"warmup_steps\":2}",
                "learning_rate: must be >= 0 (got -0.1)");
        rejects("{\"type\":\"mindspore.WarmUpLR\",\"learning_rate\":0.1,\"warmup_steps\":0}",
                "warmup_steps: must be > 0 (got 0)");
    }

    @Test
    void cosineNeedsZeroAtMostMinBelowMax() {
        rejects("{\"type\":\"mindspore.CosineDecayLR\",\"min_lr\":0.1,\"max_lr\":0.1,\"decay_steps\":4}",
                "max_lr: must be greater than min_lr (got max_lr 0.1, min_lr 0.1)");
        rejects("{\"type\":\"mindspore.CosineDecayLR\",\"min_lr\":-0.01,\"max_lr\":0.1,\"decay_steps\":4}",
                "min_lr: must be >= 0 (got -0.01)");
        rejects("{\"type\":\"mindspore.cosine_decay_lr\",\"min_lr\":0.2,\"max_lr\":0.1,\"total_step\":6,"
                + "\"step_per_epoch\":2,\"decay_epoch\":2}", "max_lr: must be greater than min_lr (got max_lr 0.1, "
                + "min_lr 0.2)");
    }

    @Test
    void polynomialChecks() {
        String poly = "{\"type\":\"mindspore.PolynomialDecayLR\",\"learning_rate\":0.1,\"decay_steps\":4,";
        rejects(poly + "\"end_learning_rate\":0.01,\"power\":0}", "power: must be > 0 (got 0)");
        rejects(poly + "\"end_learning_rate\":-0.01,\"power\":1}", "end_learning_rate: must be >= 0 (got -0.01)");
    }

    @Test
    void listChecks() {
        String list = "{\"type\":\"mindspore.exponential_decay_lr\",\"learning_rate\":0.1,\"decay_rate\":0.9,";
        rejects(list + "\"total_step\":0,\"step_per_epoch\":2,\"decay_epoch\":1}", "total_step: must be > 0 (got 0)");
        rejects(list + "\"total_step\":6,\"step_per_epoch\":0,\"decay_epoch\":1}",
                "step_per_epoch: must be > 0 (got 0)");
        rejects(list + "\"total_step\":6,\"step_per_epoch\":2,\"decay_epoch\":-1}",
                "decay_epoch: must be > 0 (got -1)");
        rejects(list + "\"total_step\":6,\"step_per_epoch\":2}", "decay_epoch: is required");
        rejects("{\"type\":\"mindspore.warmup_lr\",\"learning_rate\":0.1,\"total_step\":6,\"step_per_epoch\":2,"
                + "\"warmup_epoch\":0}", "warmup_epoch: must be > 0 (got 0)");
    }

    @Test
    void piecewiseChecks() {
        String pw = "{\"type\":\"mindspore.piecewise_constant_lr\",";
        rejects(pw + "\"milestone\":[0,5],\"learning_rates\":[0.1,0.05]}", "milestone[0]: must be > 0 (got 0)");
        rejects(pw + "\"milestone\":[5,3],\"learning_rates\":[0.1,0.05]}",
                "milestone[1]: must be at least the previous element 5 (the list must be non-decreasing)");
        rejects(pw + "\"milestone\":[2,5,10],\"learning_rates\":[0.1,0.05]}",
                "learning_rates: must have as many elements as milestone (got 2 learning rates and 3 milestones)");
        rejects(pw + "\"milestone\":[],\"learning_rates\":[]}", "milestone: must have at least 1 element (got 0)");
    }

    @Test
    void cellsAndListsKeepTheirOwnArgumentNames() {
        assertThatThrownBy(() -> Schedule.parse("{\"type\":\"mindspore.ExponentialDecayLR\",\"learning_rate\":0.1,"
                + "\"decay_rate\":0.9,\"decay_epoch\":4}")).isInstanceOf(SpecException.class)
                .hasMessageStartingWith("decay_epoch: is not an argument of mindspore.ExponentialDecayLR (allowed: "
                        + "learning_rate, decay_rate, decay_steps, is_stair)");
    }
}
