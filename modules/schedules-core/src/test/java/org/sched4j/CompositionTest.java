package org.sched4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sched4j.catalog.Schedules;
import org.sched4j.schedule.Schedule;
import org.sched4j.spec.SpecException;

/** Each composition type against values worked by hand from its definition in docs/SPEC.md. */
class CompositionTest {
    private static final double EPS = 1e-15;

    private static void expect(Schedule s, long step, double expected) {
        assertThat(s.value(step)).as("%s at step %d", s, step).isCloseTo(expected, within(EPS));
    }

    /** 0 to 1 over 10 steps: {@code t / 10}, then 1. */
    private static Schedule ramp() {
        return Schedules.linearWarmup(0.0, 1.0, 10);
    }

    @Test
    void productMultipliesTheChildrenAtTheSameStep() {
        Schedule s = Schedules.product(Schedules.constant(0.5), Schedules.step(1.0, 2, 0.5));
        expect(s, 0, 0.5);
        expect(s, 2, 0.25);
        expect(s, 5, 0.5 * 0.25);
        expect(Schedules.product(ramp()), 3, 0.3);
    }

    @Test
    void minAndMaxPickPerStep() {
        Schedule lo = Schedules.min(ramp(), Schedules.constant(0.5));
        Schedule hi = Schedules.max(ramp(), Schedules.constant(0.5));
        expect(lo, 2, 0.2);
        expect(lo, 5, 0.5);
        expect(lo, 8, 0.5);
        expect(hi, 2, 0.5);
        expect(hi, 8, 0.8);
        expect(Schedules.min(ramp(), Schedules.constant(0.7), Schedules.constant(0.4)), 9, 0.4);
    }

    @Test
    void clampBoundsTheChild() {
        Schedule s = Schedules.clamp(ramp(), 0.2, 0.7);
        expect(s, 0, 0.2);
        expect(s, 5, 0.5);
        expect(s, 9, 0.7);
        expect(Schedules.clamp(ramp(), 0.3, 0.3), 9, 0.3);
        assertThatThrownBy(() -> Schedules.clamp(ramp(), 0.7, 0.2)).isInstanceOf(SpecException.class)
                .hasMessage("max: must be >= min 0.7 (got 0.2)");
    }

    @Test
    void scaleMultipliesByTheFactor() {
        Schedule s = Schedules.scale(Schedules.step(1.0, 2, 0.5), 3);
        expect(s, 1, 3.0);
        expect(s, 3, 1.5);
    }

    @Test
    void delayHoldsTheStartOrTheGivenValue() {
        // 0.1 + 0.9 * min(u, 9) / 9 at the child's step u = max(t - 5, 0).
        Schedule child = Schedules.linearWarmup(0.1, 1.0, 9);
        Schedule held = Schedules.delay(child, 5);
        expect(held, 0, 0.1);
        expect(held, 5, 0.1);
        expect(held, 8, 0.4);
        expect(held, 14, 1.0);
        Schedule zero = Schedules.delay(child, 5, 0.0);
        expect(zero, 4, 0.0);
        expect(zero, 5, 0.1);
        expect(zero, 8, 0.4);
        expect(Schedules.delay(child, 0), 3, 0.4);
    }

    @Test
    void delayWithoutBeforeWritesItAsNullAndReadsItBack() {
        Schedule held = Schedules.delay(Schedules.constant(1), 5);
        assertThat(held.toJson()).isEqualTo("{\"type\":\"delay\",\"schedule\":{\"type\":\"constant\",\"value\":1.0},"
                + "\"steps\":5,\"before\":null}");
        assertThat(Schedule.parse(held.toJson())).isEqualTo(held);
        assertThat(Schedule.parse("{\"type\":\"delay\",\"schedule\":{\"type\":\"constant\",\"value\":1},\"steps\":5}"))
                .isEqualTo(held);
        assertThat(Schedules.delay(Schedules.constant(1), 5, 0.5)).isNotEqualTo(held);
    }

    @Test
    void sequentialRestartsEachChildByDefault() {
        // exponential 2 * 0.5^u after the ramp to 1 over 4 steps.
        Schedule s = Schedules.sequential(List.of(Schedules.linearWarmup(0, 1, 4), Schedules.exponential(2, 0.5, 1,
                false)), 4);
        expect(s, 2, 0.5);
        expect(s, 4, 2.0);
        expect(s, 5, 1.0);
        assertThat(s.toJson()).contains("\"mode\":\"restart\"");
    }

    @Test
    void sequentialContinueScalesEachChildToTheValueReached() {
        // The ramp reaches 1 at step 4; the exponential starts at 2, so it is scaled by 1/2: 0.5^(t-4).
        Schedule s = Schedules.sequentialContinuing(List.of(Schedules.linearWarmup(0, 1, 4),
                Schedules.exponential(2, 0.5, 1, false)), 4);
        expect(s, 2, 0.5);
        expect(s, 4, 1.0);
        expect(s, 5, 0.5);
        expect(s, 6, 0.25);
    }

    @Test
    void sequentialContinueCarriesTheScaleThroughSeveralChildren() {
        // 2 on [0, 3); the halving child (1 at its step 0) scaled by 2: 2, 1 at t = 3, 4, and it would reach
        // 2 * 0.25 = 0.5 at t = 5; the constant 5 is scaled by 0.5 / 5 to 0.5.
        Schedule s = Schedules.sequentialContinuing(List.of(Schedules.constant(2), Schedules.step(1.0, 1, 0.5),
                Schedules.constant(5)), 3, 5);
        expect(s, 2, 2.0);
        expect(s, 3, 2.0);
        expect(s, 4, 1.0);
        expect(s, 5, 0.5);
        expect(s, 1000, 0.5);
    }

    @Test
    void sequentialContinueRefusesALaterChildStartingAtZero() {
        assertThatThrownBy(() -> Schedules.sequentialContinuing(List.of(Schedules.constant(1),
                Schedules.linearWarmup(0, 1, 5)), 3)).isInstanceOf(SpecException.class)
                .hasMessageStartingWith("schedules[1]: is 0 at its step 0, so mode \"continue\" cannot scale it");
        assertThatThrownBy(() -> Schedule.parse("{\"type\":\"sequential\",\"mode\":\"resume\",\"boundaries\":[],"
                + "\"schedules\":[{\"type\":\"constant\",\"value\":1}]}")).isInstanceOf(SpecException.class)
                .hasMessageStartingWith("mode: must be one of [restart, continue]");
    }

    @Test
    void compositesNestAndNameNestedPaths() {
        Schedule s = Schedule.parse("{\"type\":\"scale\",\"factor\":2,\"schedule\":{\"type\":\"delay\",\"steps\":2,"
                + "\"schedule\":{\"type\":\"expression\",\"expr\":\"step % 3\"}}}");
        expect(s, 0, 0.0);
        expect(s, 4, 4.0);
        expect(s, 5, 0.0);
        assertThatThrownBy(() -> Schedule.parse("{\"type\":\"clamp\",\"min\":0,\"max\":1,\"schedule\":{\"type\":"
                + "\"product\",\"schedules\":[]}}")).isInstanceOf(SpecException.class)
                .hasMessageStartingWith("schedule.schedules: must have at least 1 element");
        assertThatThrownBy(() -> Schedule.parse("{\"type\":\"scale\",\"factor\":2,\"schedule\":[]}"))
                .isInstanceOf(SpecException.class).hasMessageStartingWith("schedule: must be a JSON object");
    }
}
