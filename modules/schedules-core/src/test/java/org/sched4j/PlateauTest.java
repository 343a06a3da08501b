package org.sched4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sched4j.schedule.Schedule;
import org.sched4j.spec.SpecException;

/** The plateau schedule's rules, worked by hand from PyTorch's ReduceLROnPlateau, and its state in the spec. */
class PlateauTest {
    private static Schedule feed(Schedule s, double... metrics) {
        for (double m : metrics) {
            s = s.observe(m);
        }
        return s;
    }

    @Test
    void reducesAfterMoreThanPatienceBadObservations() {
        Schedule s = Schedule.parse("{\"type\":\"plateau\",\"initial\":1.0,\"factor\":0.5,\"patience\":2}");
        // 1.0 is the first best; 1.0, 1.0 are bad epochs 1 and 2 (not more than patience): no change.
        s = feed(s, 1.0, 1.0, 1.0);
        assertThat(s.value(0)).isEqualTo(1.0);
        // A third bad epoch exceeds patience 2: 1.0 * 0.5.
        s = feed(s, 1.0);
        assertThat(s.value(0)).isEqualTo(0.5);
        // Counting restarts: three more bad epochs for the next halving.
        s = feed(s, 1.0, 1.0);
        assertThat(s.value(0)).isEqualTo(0.5);
        s = feed(s, 1.0);
        assertThat(s.value(0)).isEqualTo(0.25);
    }

    @Test
    void relativeThresholdNeedsAProportionalImprovement() {
        // rel, min: better means m < best * (1 - 0.1). 0.95 is not better than 1.0; 0.89 is.
        Schedule s = Schedule.parse("{\"type\":\"plateau\",\"initial\":1.0,\"patience\":0,\"threshold\":0.1}");
        s = feed(s, 1.0, 0.89);
        assertThat(s.value(0)).isEqualTo(1.0);
        s = feed(s, 0.85);
        assertThat(s.value(0)).isEqualTo(0.1);
    }

    @Test
    void absoluteThresholdInMaxMode() {
        // abs, max: better means m > best + 0.05. 0.54 after 0.5 is bad (patience 0 reduces at once).
        Schedule s = Schedule.parse("{\"type\":\"plateau\",\"initial\":0.2,\"mode\":\"max\",\"patience\":0,"
                + "\"threshold\":0.05,\"threshold_mode\":\"abs\",\"factor\":0.5}");
        s = feed(s, 0.5, 0.56);
        assertThat(s.value(0)).isEqualTo(0.2);
        s = feed(s, 0.60);
        assertThat(s.value(0)).isEqualTo(0.1);
    }

    @Test
    void cooldownIgnoresBadEpochsAndMinValueAndEpsStopReductions() {
        String spec = "{\"type\":\"plateau\",\"initial\":1.0,\"factor\":0.1,\"patience\":0,\"cooldown\":2,"
                + "\"min_value\":0.005}";
        Schedule s = feed(Schedule.parse(spec), 1.0, 1.0);
        assertThat(s.value(0)).isEqualTo(0.1);
        // Two cooldown observations: bad epochs are reset, no reduction.
        s = feed(s, 2.0, 2.0);
        assertThat(s.value(0)).isEqualTo(0.1);
        s = feed(s, 2.0);
        assertThat(s.value(0)).isCloseTo(0.01, org.assertj.core.api.Assertions.within(1e-17));
        s = feed(s, 2.0, 2.0, 2.0);
        // 0.01 * 0.1 = 0.001 is below min_value: 0.005.
        assertThat(s.value(0)).isEqualTo(0.005);
        Schedule tiny = feed(Schedule.parse("{\"type\":\"plateau\",\"initial\":1e-8,\"patience\":0,"
                + "\"eps\":1e-8}"), 1.0, 1.0);
        // 1e-8 - 1e-9 = 9e-9 is not more than eps: the reduction is skipped.
        assertThat(tiny.value(0)).isEqualTo(1e-8);
    }

    @Test
    void stateIsWrittenInTheSpecAndResumesExactly() {
        Schedule s = feed(Schedule.parse("{\"type\":\"torch.ReduceLROnPlateau\",\"lr\":0.1,\"patience\":1}"),
                3.0, 2.0, 2.5, 2.5);
        String json = s.toJson();
        assertThat(json).contains("\"state\":{\"observed\":4,\"value\":0.010000000000000002,\"best\":2.0,"
                + "\"num_bad_epochs\":0,\"cooldown_counter\":0}");
        Schedule back = Schedule.parse(json);
        assertThat(back).isEqualTo(s);
        assertThat(feed(back, 2.5, 2.5).value(0)).isEqualTo(feed(s, 2.5, 2.5).value(0));
        assertThat(s).isNotEqualTo(Schedule.parse("{\"type\":\"torch.ReduceLROnPlateau\",\"lr\":0.1,\"patience\":1}"));
    }

    @Test
    void rejectsWhatPyTorchRejectsAndBadState() {
        assertThatThrownBy(() -> Schedule.parse("{\"type\":\"torch.ReduceLROnPlateau\",\"lr\":0.1,\"factor\":1.0}"))
                .isInstanceOf(SpecException.class).hasMessage("factor: must be < 1 (got 1)");
        assertThatThrownBy(() -> Schedule.parse("{\"type\":\"torch.ReduceLROnPlateau\",\"lr\":0.1,\"mode\":\"up\"}"))
                .hasMessageStartingWith("mode: must be one of [min, max]");
        assertThatThrownBy(() -> Schedule.parse("{\"type\":\"plateau\",\"initial\":0.1,\"state\":{\"observed\":2}}"))
                .hasMessage("state.best: is required once metrics were observed");
        assertThatThrownBy(() -> Schedule.parse("{\"type\":\"plateau\",\"initial\":0.1,\"state\":{\"bad\":2}}"))
                .hasMessageStartingWith("state.bad: is not part of a plateau state");
        assertThatThrownBy(() -> Schedule.parse("{\"type\":\"sequential\",\"boundaries\":[5],\"schedules\":["
                + "{\"type\":\"constant\",\"value\":1},{\"type\":\"plateau\",\"initial\":0.1}]}"))
                .hasMessageStartingWith("schedules[1].type: plateau cannot be nested");
    }

    @Test
    void observingNeedsAPlateauAndAFiniteMetric() {
        Schedule p = Schedule.parse("{\"type\":\"plateau\",\"initial\":0.1}");
        assertThatThrownBy(() -> p.observe(Double.NaN)).hasMessage("metric: must be a finite number (got NaN)");
        Schedule c = Schedule.parse("{\"type\":\"constant\",\"value\":0.1}");
        assertThat(c.observesMetrics()).isFalse();
        assertThatThrownBy(() -> c.observe(1.0))
                .hasMessage("metrics: only a plateau schedule observes metrics (constant does not)");
    }
}
