package org.sched4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sched4j.dialect.torch.Torch;
import org.sched4j.schedule.Schedule;
import org.sched4j.spec.SpecException;

/** LambdaLR, MultiplicativeLR and ChainedScheduler against PyTorch 1.13's update rules worked by hand. */
class TorchLambdaTest {
    private static final double EPS = 1e-15;

    private static void expect(Schedule s, long step, double expected) {
        assertThat(s.value(step)).as("%s at step %d", s, step).isCloseTo(expected, within(EPS));
    }

    private static void rejects(String json, String message) {
        assertThatThrownBy(() -> Schedule.parse(json)).isInstanceOf(SpecException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void lambdaLRIsLrTimesTheLambda() {
        // PyTorch's docstring example: lambda epoch: epoch // 30.
        Schedule s = Torch.lambdaLR(0.5, "epoch // 30");
        expect(s, 29, 0.0);
        expect(s, 30, 0.5);
        expect(s, 65, 1.0);
        expect(Torch.lambdaLR(0.5, "0.95 ** step"), 2, 0.5 * 0.9025);
        // Resumed at last_epoch = 4: the first value is lr * f(5).
        Schedule resumed = Schedule.parse("{\"type\":\"torch.LambdaLR\",\"lr\":2,\"lr_lambda\":\"step\","
                + "\"last_epoch\":4}");
        expect(resumed, 0, 10.0);
    }

    @Test
    void multiplicativeLRWithAConstantFactorIsLrTimesItsPower() {
        Schedule s = Torch.multiplicativeLR(2.0, "0.9");
        expect(s, 0, 2.0);
        expect(s, 1, 1.8);
        expect(s, 3, 2.0 * 0.729);
        expect(Torch.multiplicativeLR(2.0, "1 - 0.5"), 2, 0.5);
        expect(Torch.multiplicativeLR(2.0, "0"), 0, 2.0);
        expect(Torch.multiplicativeLR(2.0, "0"), 1, 0.0);
    }

    @Test
    void multiplicativeLRRefusesAStepDependentFactor() {
        assertThatThrownBy(() -> Torch.multiplicativeLR(1.0, "0.99 ** step")).isInstanceOf(SpecException.class)
                .hasMessageStartingWith("lr_lambda: must not depend on step: MultiplicativeLR multiplies the lr by "
                        + "f(1) * f(2) * ... * f(t)")
                .hasMessageContaining("torch.LambdaLR");
        assertThatThrownBy(() -> Torch.lambdaLR(1.0, "step ** ")).isInstanceOf(SpecException.class)
                .hasMessage("lr_lambda: unexpected end of expression at column 9 (expected a number, a name or \"(\")");
    }

    @Test
    void chainedSchedulerMultipliesTheChildrensFactors() {
        // PyTorch steps StepLR (x0.5 when t % 2 == 0, t > 0) then ExponentialLR (x0.9, t > 0) on one lr.
        Schedule s = Torch.chainedScheduler(1.0, List.of(Torch.stepLR(1.0, 2, 0.5), Torch.exponentialLR(1.0, 0.9)));
        expect(s, 0, 1.0);
        expect(s, 1, 0.9);
        expect(s, 2, 0.45 * 0.9);
        expect(s, 3, 0.5 * 0.729);
        // LinearLR's first step multiplies by start_factor 0.5; then +1/6 per step relative to the base.
        Schedule w = Torch.chainedScheduler(0.6, List.of(Torch.linearLR(0.6, 0.5, 1.0, 3),
                Torch.multiStepLR(0.6, 0.1, 2)));
        expect(w, 0, 0.3);
        expect(w, 1, 0.6 * (0.5 + 0.5 / 3));
        expect(w, 2, 0.6 * (0.5 + 1.0 / 3) * 0.1);
        expect(w, 5, 0.06);
        expect(Torch.chainedScheduler(0.0, List.of(Torch.exponentialLR(0.0, 0.9))), 3, 0.0);
    }

    @Test
    void chainedChildrenInheritLrAndMustMultiply() {
        Schedule nested = Schedule.parse("{\"type\":\"torch.ChainedScheduler\",\"lr\":2,\"schedulers\":["
                + "{\"type\":\"torch.ChainedScheduler\",\"schedulers\":[{\"type\":\"torch.ExponentialLR\",\"gamma\":0.5}]},"
                + "{\"type\":\"torch.MultiplicativeLR\",\"lr_lambda\":\"0.5\"}]}");
        expect(nested, 2, 2.0 / 16);
        rejects("{\"type\":\"torch.ChainedScheduler\",\"lr\":1,\"schedulers\":[{\"type\":\"torch.StepLR\","
                + "\"step_size\":2},{\"type\":\"torch.CosineAnnealingLR\",\"T_max\":10}]}",
                "schedulers[1].type: torch.CosineAnnealingLR cannot be chained exactly");
        rejects("{\"type\":\"torch.ChainedScheduler\",\"lr\":1,\"schedulers\":[{\"type\":\"torch.LambdaLR\","
                + "\"lr_lambda\":\"1\"}]}", "schedulers[0].type: torch.LambdaLR cannot be chained exactly");
        rejects("{\"type\":\"torch.ChainedScheduler\",\"lr\":1,\"schedulers\":[{\"type\":\"step\",\"initial\":1,"
                + "\"step_size\":2,\"gamma\":0.5}]}", "schedulers[0].type: must be a torch.* scheduler");
        rejects("{\"type\":\"torch.ChainedScheduler\",\"lr\":1,\"schedulers\":[{\"type\":\"torch.StepLR\",\"lr\":2,"
                + "\"step_size\":2}]}", "schedulers[0].lr: must equal the optimizer's lr");
        rejects("{\"type\":\"torch.ChainedScheduler\",\"lr\":1,\"last_epoch\":3,\"schedulers\":[{\"type\":"
                + "\"torch.StepLR\",\"step_size\":2}]}", "last_epoch: is not an argument of torch.ChainedScheduler");
        rejects("{\"type\":\"torch.ChainedScheduler\",\"lr\":1,\"schedulers\":[]}",
                "schedulers: must have at least 1 element");
    }

    @Test
    void sequentialLRRefusesChildrenPyTorchCannotRestart() {
        rejects("{\"type\":\"torch.SequentialLR\",\"lr\":1,\"milestones\":[3],\"schedulers\":[{\"type\":"
                + "\"torch.StepLR\",\"step_size\":2},{\"type\":\"torch.MultiplicativeLR\",\"lr_lambda\":\"0.9\"}]}",
                "schedulers[1].type: torch.MultiplicativeLR can only be the first child of torch.SequentialLR");
        rejects("{\"type\":\"torch.SequentialLR\",\"lr\":1,\"milestones\":[],\"schedulers\":[{\"type\":"
                + "\"torch.ChainedScheduler\",\"schedulers\":[{\"type\":\"torch.StepLR\",\"step_size\":2}]}]}",
                "schedulers[0].type: torch.ChainedScheduler cannot be a child of torch.SequentialLR");
        Schedule first = Schedule.parse("{\"type\":\"torch.SequentialLR\",\"lr\":1,\"milestones\":[2],\"schedulers\":["
                + "{\"type\":\"torch.MultiplicativeLR\",\"lr_lambda\":\"0.5\"},{\"type\":\"torch.LambdaLR\","
                + "\"lr_lambda\":\"step + 3\"}]}");
        expect(first, 1, 0.5);
        expect(first, 2, 3.0);
        expect(first, 3, 4.0);
    }
}
