package org.sched4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.sched4j.schedule.Schedule;

/** A cyclic schedule's custom scale, PyTorch's scale_fn(x), written as an expression of x. */
class CyclicScaleTest {
    private static final String BASE = "\"base\":0.1,\"peak\":1.0,\"step_size_up\":4,\"step_size_down\":6";

    @Test
    void aCycleScaleOfXReproducesTriangular2() {
        // PyTorch documents triangular2 as scale_fn(x) = 1 / 2^(x - 1) with x the cycle number from 1.
        Schedule custom = Schedule.parse("{\"type\":\"cyclic\"," + BASE + ",\"scale_fn\":\"1 / 2 ** (x - 1)\"}");
        Schedule mode = Schedule.parse("{\"type\":\"cyclic\"," + BASE + ",\"mode\":\"triangular2\"}");
        for (long t = 0; t < 60; t++) {
            assertThat(custom.value(t)).as("step %d", t).isEqualTo(mode.value(t));
        }
        // Worked by hand: step 14 is in cycle 2 (cycles of 10), 4 steps in: the peak, scaled by 1/2.
        assertThat(custom.value(14)).isCloseTo(0.1 + 0.9 * 0.5, within(1e-15));
    }

    @Test
    void anIterationsScaleSeesTheStep() {
        // exp_range is scale_fn(x) = gamma^x over iterations.
        Schedule custom = Schedule.parse("{\"type\":\"torch.CyclicLR\",\"lr\":0.1,\"base_lr\":0.1,\"max_lr\":1,"
                + "\"step_size_up\":4,\"scale_fn\":\"0.99 ** x\",\"scale_mode\":\"iterations\"}");
        // step 4: the peak of the first cycle, scaled by 0.99^4
        assertThat(custom.value(4)).isCloseTo(0.1 + 0.9 * Math.pow(0.99, 4), within(1e-15));
        assertThat(Nd4jBackends.graph(custom, new long[] {4, 6}, org.nd4j.linalg.api.buffer.DataType.DOUBLE))
                .containsExactly(custom.value(4), custom.value(6));
    }

    @Test
    void aBadScaleNamesTheField() {
        assertThatThrownBy(() -> Schedule.parse("{\"type\":\"cyclic\"," + BASE + ",\"scale_fn\":\"step / 2\"}"))
                .hasMessageStartingWith("scale_fn: unknown name \"step\" at column 1 (allowed: x, pi, e");
    }
}
