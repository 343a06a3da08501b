package org.sched4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.sched4j.catalog.Schedules;
import org.sched4j.schedule.Schedule;
import org.sched4j.schedule.Unit;

/** Schedules whose arguments count epochs: DL4J's epoch counter, or epochs of N steps, also nested. */
class EpochUnitsTest {
    @Test
    void epochScheduleWithoutStepsPerEpochReadsDl4jsEpochCounter() {
        Schedule s = Schedule.parse("{\"type\":\"step\",\"initial\":1,\"step_size\":2,\"gamma\":0.5,\"unit\":\"epoch\"}");
        assertThat(s.valueAt(1000, 3)).isEqualTo(0.5); // epoch 3 -> floor(3/2) = 1
        assertThat(s.valueAt(0, 4)).isEqualTo(0.25);
    }

    @Test
    void stepsPerEpochDerivesTheEpochFromTheIteration() {
        Schedule s = Schedule.parse("{\"type\":\"step\",\"initial\":1,\"step_size\":2,\"gamma\":0.5,"
                + "\"unit\":\"epoch\",\"steps_per_epoch\":10}");
        // iteration 39 is epoch 3 (stair 1), iteration 40 is epoch 4 (stair 2); DL4J's epoch argument is unused.
        assertThat(s.valueAt(39, 0)).isEqualTo(0.5);
        assertThat(s.valueAt(40, 0)).isEqualTo(0.25);
        assertThat(Nd4jBackends.table(s, 38, 3, DataType.DOUBLE)).containsExactly(0.5, 0.5, 0.25);
        assertThat(Nd4jBackends.graph(s, new long[] {19, 20}, DataType.FLOAT)).containsExactly(1.0, 0.5);
        assertThat(Schedule.parse(s.toJson())).isEqualTo(s);
        assertThat(s.toJson()).contains("\"unit\":\"epoch\",\"steps_per_epoch\":10");
        assertThat(Schedules.step(1, 2, 0.5).inEpochsOf(10)).isEqualTo(s);
        assertThat(s.withUnit(Unit.ITERATION).stepsPerEpoch()).isZero();
    }

    @Test
    void aNegativeCounterIsRefusedNamingTheCounterValueAtReads() {
        String step = "{\"type\":\"step\",\"initial\":1,\"step_size\":2,\"gamma\":0.5";
        Schedule iterations = Schedule.parse(step + "}");
        Schedule epochs = Schedule.parse(step + ",\"unit\":\"epoch\"}");
        Schedule epochsOfTen = Schedule.parse(step + ",\"unit\":\"epoch\",\"steps_per_epoch\":10}");
        assertThatThrownBy(() -> iterations.valueAt(-1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("iteration: must be >= 0 (got -1)");
        assertThatThrownBy(() -> epochs.valueAt(0, -2)).hasMessage("epoch: must be >= 0 (got -2)");
        assertThatThrownBy(() -> epochsOfTen.valueAt(-3, 5)).hasMessage("iteration: must be >= 0 (got -3)");
        // the counter not read may be anything
        assertThat(iterations.valueAt(2, -7)).isEqualTo(0.5);
        assertThat(epochs.valueAt(-7, 2)).isEqualTo(0.5);
        assertThat(epochsOfTen.valueAt(20, -7)).isEqualTo(0.5);
    }

    @Test
    void aNestedChildCountsEpochsOfItsParentsLocalSteps() {
        // 100 warmup iterations, then a cosine over 3 epochs of 50 iterations: at iteration 100 + 75 the child
        // is at local step 75, epoch 1: 0.5 * (1 + cos(pi / 3)) = 0.75 times 1.0.
        Schedule s = Schedule.parse("{\"type\":\"sequential\",\"boundaries\":[100],\"schedules\":["
                + "{\"type\":\"linear_warmup\",\"peak\":1,\"warmup_steps\":100},"
                + "{\"type\":\"cosine\",\"initial\":1,\"decay_steps\":3,\"unit\":\"epoch\",\"steps_per_epoch\":50}]}");
        double expected = 0.5 * (1 + Math.cos(Math.PI / 3));
        assertThat(s.value(175)).isEqualTo(expected);
        assertThat(s.value(149)).isEqualTo(1.0);
        assertThat(s.value(150)).isEqualTo(expected);
        assertThat(Nd4jBackends.graph(s, new long[] {149, 150, 175}, DataType.DOUBLE))
                .containsExactly(1.0, expected, expected);
    }
}
