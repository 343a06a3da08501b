package org.sched4j.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.sched4j.Close;
import org.sched4j.Nd4jBackends;
import org.sched4j.schedule.Schedule;

/**
 * Big steps, with expected values worked by hand: the graph stays exact to 2^53, DL4J's int entry point to
 * 2^31 - 1, and stairs just past 2^24 land where a float32 step (MindSpore casts its global step to
 * float32) would put them wrongly.
 */
class GraphExactnessTest {
    private static final long TWO_53 = 1L << 53;
    private static final long TWO_24 = 1L << 24;

    private static void graphGives(String spec, long[] steps, double[] expected) {
        Schedule s = Schedule.parse(spec);
        Close.assertClose(spec + " graph/double", expected, Nd4jBackends.graph(s, steps, DataType.DOUBLE), steps[0],
                1e-12);
        Close.assertClose(spec + " graph/float", expected, Nd4jBackends.graph(s, steps, DataType.FLOAT), steps[0],
                Close.FLOAT);
        for (int i = 0; i < steps.length; i++) {
            assertThat(s.value(steps[i])).as(spec + " scalar at " + steps[i]).isCloseTo(expected[i],
                    org.assertj.core.api.Assertions.within(1e-12 * Math.abs(expected[i])));
        }
    }

    @Test
    void stairsAndMilestonesJustBelowTwoToThe53() {
        long size = (1L << 52) - 1; // 2 * size = 2^53 - 2
        graphGives("{\"type\":\"step\",\"initial\":0.5,\"step_size\":" + size + ",\"gamma\":0.9}",
                new long[] {2 * size - 1, 2 * size}, new double[] {0.5 * 0.9, 0.5 * 0.9 * 0.9});
        graphGives("{\"type\":\"multistep\",\"initial\":1.0,\"milestones\":[" + (TWO_53 - 5) + "],\"gamma\":0.5}",
                new long[] {TWO_53 - 6, TWO_53 - 5, TWO_53}, new double[] {1.0, 0.5, 0.5});
        graphGives("{\"type\":\"piecewise\",\"boundaries\":[" + (TWO_53 - 2) + "],\"values\":[1.0,0.25]}",
                new long[] {TWO_53 - 3, TWO_53 - 2}, new double[] {1.0, 0.25});
        long decay = (1L << 52) + 1;
        graphGives("{\"type\":\"exponential\",\"initial\":2.0,\"decay_rate\":0.5,\"decay_steps\":" + decay
                + ",\"staircase\":true}", new long[] {decay - 1, decay, TWO_53 - 1}, new double[] {2.0, 1.0, 1.0});
    }

    @Test
    void periodicCosinePhaseIsExactNearTwoToThe53() {
        // Period 74: the phase is t mod 74, worked on the integer (in double, pi * t / 37 is near 7.6e14 here,
        // where one ulp is 1/8 of a radian).
        long[] steps = Nd4jBackends.range(TWO_53 - 8, 9);
        double[] expected = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            long phase = Math.floorMod(steps[i], 74L);
            expected[i] = 0.2 + 0.8 * (1 + Math.cos(Math.PI * phase / 37)) / 2;
        }
        graphGives("{\"type\":\"cosine\",\"initial\":1.0,\"final\":0.2,\"decay_steps\":37,\"periodic\":true}",
                steps, expected);
    }

    @Test
    void twoToThe40() {
        long t = 1L << 40; // 2^36 = 1 mod 37 (Fermat), so 2^40 = 16 mod 37; both even, so 2^40 = 16 mod 74
        assertThat(Math.floorMod(t, 74L)).isEqualTo(16L);
        double expected = 0.2 + 0.8 * (1 + Math.cos(Math.PI * 16 / 37)) / 2;
        graphGives("{\"type\":\"cosine\",\"initial\":1.0,\"final\":0.2,\"decay_steps\":37,\"periodic\":true}",
                new long[] {t}, new double[] {expected});
    }

    @Test
    void dl4jIntEntryPointAtTwoToThe31Minus1() {
        int last = Integer.MAX_VALUE; // 2147483647 = 2 * 715827883 + 715827881: stair 2
        Schedule step = Schedule.parse("{\"type\":\"step\",\"initial\":0.5,\"step_size\":715827883,\"gamma\":0.5}");
        assertThat(step.valueAt(last, 0)).isEqualTo(0.125);
        assertThat(step.valueAt(last - 1, 0)).isEqualTo(0.125);
        Schedule milestone = Schedule.parse("{\"type\":\"multistep\",\"initial\":1.0,\"milestones\":[2147483647],"
                + "\"gamma\":0.5}");
        assertThat(milestone.valueAt(last - 1, 0)).isEqualTo(1.0);
        assertThat(milestone.valueAt(last, 0)).isEqualTo(0.5);
        graphGives(milestone.toJson(), new long[] {last - 1L, last}, new double[] {1.0, 0.5});
        graphGives(step.toJson(), new long[] {last - 1L, last}, new double[] {0.125, 0.125});
    }

    /** A stair at {@code boundary}: {@code before} below it, {@code after} from it on. */
    private record Stair(String spec, long boundary, double before, double after) {
        double at(long step) {
            return step < boundary ? before : after;
        }
    }

    @Test
    void stairsPastTwoToThe24WhereFloat32StepsGoWrong() {
        Stair[] stairs = {
            // 2^24 + 1 rounds down to 2^24 in float32: the stair would come one step late.
            new Stair("{\"type\":\"step\",\"initial\":1.0,\"step_size\":16777217,\"gamma\":0.5}", TWO_24 + 1, 1.0,
                    0.5),
            new Stair("{\"type\":\"exponential\",\"initial\":0.1,\"decay_rate\":0.5,\"decay_steps\":16777217,"
                    + "\"staircase\":true}", TWO_24 + 1, 0.1, 0.05),
            new Stair("{\"type\":\"piecewise\",\"boundaries\":[16777221],\"values\":[0.3,0.2]}", TWO_24 + 5, 0.3,
                    0.2),
            // 2^24 + 3 rounds up to 2^24 + 4 in float32: this milestone would come one step early.
            new Stair("{\"type\":\"multistep\",\"initial\":1.0,\"milestones\":[16777220],\"gamma\":0.25}",
                    TWO_24 + 4, 1.0, 0.25),
            new Stair("{\"type\":\"torch.MultiStepLR\",\"lr\":0.1,\"milestones\":[16777220],\"gamma\":0.1}",
                    TWO_24 + 4, 0.1, 0.1 * 0.1),
        };
        for (Stair stair : stairs) {
            long[] steps = {stair.boundary - 2, stair.boundary - 1, stair.boundary, stair.boundary + 1};
            double[] expected = new double[steps.length];
            boolean float32WouldDiffer = false;
            for (int i = 0; i < steps.length; i++) {
                expected[i] = stair.at(steps[i]);
                float32WouldDiffer |= stair.at((long) (float) steps[i]) != expected[i];
            }
            assertThat(float32WouldDiffer).as(stair.spec + " discriminates float32 steps").isTrue();
            graphGives(stair.spec, steps, expected);
        }
    }
}
