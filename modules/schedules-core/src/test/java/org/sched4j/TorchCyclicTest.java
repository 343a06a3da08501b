package org.sched4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.sched4j.SpecRejection.rejects;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.sched4j.dialect.torch.Torch;
import org.sched4j.schedule.Schedule;

/**
 * The torch ConstantLR, PolynomialLR, CosineAnnealingWarmRestarts, CyclicLR and OneCycleLR types against
 * PyTorch 1.13's own step rules, transcribed here step by step, and its argument checks.
 */
class TorchCyclicTest {
    private static final double TOL = 1e-12;

    @Test
    void constantLRDefaultsAndZeroIterations() {
        Schedule s = Schedule.parse("{\"type\":\"torch.ConstantLR\",\"lr\":0.3}");
        assertThat(s.value(4)).isCloseTo(0.1, within(TOL)); // factor 1/3 for 5 steps
        assertThat(s.value(5)).isCloseTo(0.3, within(TOL));
        Schedule never = Torch.constantLR(0.3, 0.5, 0);
        assertThat(never.value(100)).isCloseTo(0.15, within(TOL));
        rejects("{\"type\":\"torch.ConstantLR\",\"lr\":0.3,\"factor\":1.5}", "factor", "<= 1");
    }

    @Test
    void polynomialLRReachesZeroAndRejectsNegativePowers() {
        Schedule s = Torch.polynomialLR(1.0, 4, 2.0);
        assertThat(s.value(1)).isCloseTo(0.5625, within(TOL)); // (1 - 1/4)^2
        assertThat(s.value(4)).isCloseTo(0.0, within(TOL));
        assertThat(s.value(9)).isCloseTo(0.0, within(TOL));
        assertThat(Torch.polynomialLR(1.0, 0, 2.0).value(3)).isCloseTo(1.0, within(TOL));
        rejects("{\"type\":\"torch.PolynomialLR\",\"lr\":1,\"power\":-1}", "power", ">= 0");
    }

    /** PyTorch 1.13's CosineAnnealingWarmRestarts: constructor, initial step() and later step() calls. */
    private static double[] warmRestarts(double lr, long t0, long mult, double eta, long lastEpoch, int n) {
        double[] out = new double[n];
        long cur = lastEpoch < 0 ? 0 : lastEpoch;
        long len = t0;
        if (lastEpoch >= 0) { // step(): epoch None, last_epoch >= 0
            cur += 1;
            if (cur >= len) {
                cur -= len;
                len *= mult;
            }
        }
        for (int i = 0; i < n; i++) {
            out[i] = eta + (lr - eta) * (1 + Math.cos(Math.PI * cur / len)) / 2;
            cur += 1;
            if (cur >= len) {
                cur -= len;
                len *= mult;
            }
        }
        return out;
    }

    @Test
    void warmRestartsFollowPyTorchsCounterIncludingResumes() {
        long[][] cases = {{5, 1, -1}, {3, 2, -1}, {5, 1, 12}, {5, 1, 3}, {2, 1, 10}, {1, 1, 7}, {1, 1, 8},
            {3, 2, 40}, {3, 3, 100_000}, {4, 2, 4}, {7, 1, 5000}};
        for (long[] c : cases) {
            String json = "{\"type\":\"torch.CosineAnnealingWarmRestarts\",\"lr\":0.1,\"T_0\":" + c[0]
                    + ",\"T_mult\":" + c[1] + ",\"eta_min\":0.01,\"last_epoch\":" + c[2] + "}";
            Schedule s = Schedule.parse(json);
            double[] expected = warmRestarts(0.1, c[0], c[1], 0.01, c[2], 300);
            double[] actual = new double[expected.length];
            for (int i = 0; i < actual.length; i++) {
                actual[i] = s.value(i);
            }
            Close.assertClose(json, expected, actual, 0, 1e-9);
            long[] steps = Nd4jBackends.range(0, expected.length);
            Close.assertClose(json + " graph", expected,
                    Nd4jBackends.graph(s, steps, DataType.DOUBLE), 0, 1e-9);
        }
        // T_0 = 1 resumed at an odd step: T_cur stays 7, so the rate is stuck at eta_min.
        Schedule stuck = Schedule.parse("{\"type\":\"torch.CosineAnnealingWarmRestarts\",\"lr\":0.1,\"T_0\":1,"
                + "\"eta_min\":0.01,\"last_epoch\":7}");
        assertThat(stuck.value(50)).isCloseTo(0.01, within(TOL)); // cos(7 pi) = -1
        assertThat(Torch.cosineAnnealingWarmRestarts(0.1, 1, 1, 0.01).value(50)).isCloseTo(0.1, within(TOL));
        rejects("{\"type\":\"torch.CosineAnnealingWarmRestarts\",\"lr\":0.1,\"T_0\":0}", "T_0", ">= 1");
        rejects("{\"type\":\"torch.CosineAnnealingWarmRestarts\",\"lr\":0.1,\"T_0\":3,\"T_mult\":0}", "T_mult",
                ">= 1");
        rejects("{\"type\":\"torch.CosineAnnealingWarmRestarts\",\"lr\":0.1,\"T_0\":3,\"T_mult\":1.5}", "T_mult",
                "integer");
    }

    /** PyTorch 1.13's CyclicLR.get_lr with the built-in scale functions, in its own float arithmetic. */
    private static double[] cyclic(double base, double max, double up, double down, String mode, double gamma,
            double firstBase, long lastEpoch, int n, boolean momentum) {
        double total = up + down;
        double ratio = up / total;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            long t = lastEpoch + 1 + i;
            double cycle = Math.floor(1 + t / total);
            double x = 1. + t / total - cycle;
            double f = x <= ratio ? x / ratio : (x - 1) / (ratio - 1);
            double scale = mode.equals("triangular") ? 1.0
                    : mode.equals("triangular2") ? 1 / Math.pow(2., cycle - 1) : Math.pow(gamma, t);
            double b = i == 0 && lastEpoch >= 0 ? firstBase : base;
            out[i] = momentum ? 0.9 - (0.9 - 0.8) * f * scale : b + (max - b) * f * scale;
        }
        return out;
    }

    @Test
    void cyclicLRFollowsPyTorchsFloatFormula() {
        String[] modes = {"triangular", "triangular2", "exp_range"};
        long[][] sizes = {{20, 20}, {5, 10}, {7, 3}, {4, 0}};
        for (String mode : modes) {
            for (long[] size : sizes) {
                for (long lastEpoch : new long[] {-1, 33}) {
                    Schedule s = Torch.cyclicLR(0.5, 0.01, 0.1, size[0], size[1], mode, 0.99, 0.8, 0.9);
                    s = Schedule.parse(s.toJson().replace("\"last_epoch\":-1", "\"last_epoch\":" + lastEpoch));
                    double[] lr = cyclic(0.01, 0.1, size[0], size[1], mode, 0.99, 0.5, lastEpoch, 200, false);
                    double[] mom = cyclic(0.01, 0.1, size[0], size[1], mode, 0.99, 0.5, lastEpoch, 200, true);
                    for (int i = 0; i < lr.length; i++) {
                        assertThat(s.value(i)).as("%s %s at %d", mode, s, i).isCloseTo(lr[i], within(1e-12));
                        assertThat(s.momentum(i)).as("%s %s momentum at %d", mode, s, i)
                                .isCloseTo(mom[i], within(1e-12));
                    }
                }
            }
        }
        Schedule byDefault = Schedule.parse(
                "{\"type\":\"torch.CyclicLR\",\"lr\":0.5,\"base_lr\":0.01,\"max_lr\":0.1,\"step_size_up\":4}");
        assertThat(byDefault.args().integer("step_size_down")).isEqualTo(4);
        assertThat(byDefault.value(6)).isCloseTo(0.055, within(TOL)); // half way down
        rejects("{\"type\":\"torch.CyclicLR\",\"lr\":0.5,\"base_lr\":0.01,\"max_lr\":0.1,\"mode\":\"cosine\"}",
                "mode", "one of");
        rejects("{\"type\":\"torch.CyclicLR\",\"lr\":0.5,\"base_lr\":0.01,\"max_lr\":0.1,\"step_size_up\":0}",
                "step_size_up", ">= 1");
    }

    /** PyTorch 1.13's OneCycleLR.get_lr: the phase search over float end steps, then the annealing. */
    private static double oneCycle(double[] ends, double[] levels, boolean cos, long step) {
        double start = 0;
        for (int i = 0; i < ends.length; i++) {
            if (step <= ends[i] || i == ends.length - 1) {
                double pct = (step - start) / (ends[i] - start);
                double a = levels[i];
                double b = levels[i + 1];
                return cos ? b + (a - b) / 2.0 * (Math.cos(Math.PI * pct) + 1) : (b - a) * pct + a;
            }
            start = ends[i];
        }
        throw new AssertionError();
    }

    @Test
    void oneCycleLRFollowsPyTorchsPhases() {
        double maxLr = 0.4;
        for (long total : new long[] {1, 2, 7, 10, 97, 1000}) {
            for (double pct : new double[] {0.0, 0.25, 0.3, 0.5, 0.8, 1.0}) {
                if (pct * total - 1 == 0) {
                    continue;
                }
                for (boolean three : new boolean[] {false, true}) {
                    for (String anneal : new String[] {"cos", "linear"}) {
                        Schedule s = Torch.oneCycleLR(0.01, maxLr, total, pct, anneal, 8.0, 50.0, three);
                        double initial = maxLr / 8.0;
                        double min = initial / 50.0;
                        double[] ends = three ? new double[] {pct * total - 1, 2 * pct * total - 2, total - 1}
                                : new double[] {pct * total - 1, total - 1};
                        double[] lr = three ? new double[] {initial, maxLr, initial, min}
                                : new double[] {initial, maxLr, min};
                        double[] mom = three ? new double[] {0.95, 0.85, 0.95, 0.95}
                                : new double[] {0.95, 0.85, 0.95};
                        boolean cos = anneal.equals("cos");
                        for (long t = 0; t < total; t++) {
                            assertThat(s.value(t)).as("%s at %d", s, t)
                                    .isCloseTo(oneCycle(ends, lr, cos, t), within(1e-12));
                            assertThat(s.momentum(t)).as("%s momentum at %d", s, t)
                                    .isCloseTo(oneCycle(ends, mom, cos, t), within(1e-12));
                        }
                        // Past its last step PyTorch raises; the value of step N - 1 is held.
                        assertThat(s.value(total + 5)).isEqualTo(s.value(total - 1));
                        assertThat(s.momentum(total + 5)).isEqualTo(s.momentum(total - 1));
                    }
                }
            }
        }
    }

    @Test
    void oneCycleLRArgumentChecks() {
        String head = "{\"type\":\"torch.OneCycleLR\",\"lr\":0.1,\"max_lr\":0.1";
        rejects(head + "}", "total_steps", "epochs and steps_per_epoch");
        rejects(head + ",\"epochs\":3}", "steps_per_epoch", "positive");
        rejects(head + ",\"steps_per_epoch\":3}", "epochs", "positive");
        rejects(head + ",\"total_steps\":-3}", "total_steps", ">= 0");
        rejects(head + ",\"total_steps\":10,\"pct_start\":-0.1}", "pct_start", ">= 0");
        rejects(head + ",\"total_steps\":10,\"anneal_strategy\":\"exp\"}", "anneal_strategy", "one of");
        rejects(head + ",\"total_steps\":10,\"last_epoch\":10}", "last_epoch", "< the total steps 10");
        assertThat(Schedule.parse(head + ",\"epochs\":4,\"steps_per_epoch\":10}").value(11))
                .isEqualTo(Schedule.parse(head + ",\"total_steps\":40}").value(11));
        // Resumed at k, the first value is the one of step k + 1.
        assertThat(Schedule.parse(head + ",\"total_steps\":40,\"last_epoch\":9}").value(0))
                .isEqualTo(Schedule.parse(head + ",\"total_steps\":40}").value(10));
    }
}
