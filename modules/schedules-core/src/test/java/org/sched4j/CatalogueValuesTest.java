package org.sched4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sched4j.catalog.Schedules;
import org.sched4j.dialect.torch.Torch;
import org.sched4j.schedule.Schedule;
import org.sched4j.schedule.Unit;

/** Each first schedule against values worked by hand from its formula. */
class CatalogueValuesTest {
    private static final double EPS = 1e-15;

    private static void expect(Schedule s, long step, double expected) {
        assertThat(s.value(step)).as("%s at step %d", s, step).isCloseTo(expected, within(EPS));
    }

    @Test
    void constant() {
        Schedule s = Schedules.constant(0.3);
        expect(s, 0, 0.3);
        expect(s, 1_000_000_000L, 0.3);
    }

    @Test
    void stepDecayHalvesEveryThreeSteps() {
        Schedule s = Schedules.step(1.0, 3, 0.5);
        expect(s, 0, 1.0);
        expect(s, 2, 1.0);
        expect(s, 3, 0.5);
        expect(s, 6, 0.25);
        expect(s, 8, 0.25);
        expect(s, 9, 0.125);
    }

    @Test
    void multiStepCountsRepeatedMilestonesTwiceInAnyOrder() {
        Schedule s = Schedules.multiStep(1.0, 0.1, 5, 2, 2);
        expect(s, 1, 1.0);
        expect(s, 2, 0.1 * 0.1);
        expect(s, 4, 0.1 * 0.1);
        expect(s, 5, 0.1 * 0.1 * 0.1);
    }

    @Test
    void piecewiseSwitchesAtEachBoundary() {
        Schedule s = Schedules.piecewise(new long[] {3, 7}, new double[] {1.0, 0.5, 0.1});
        expect(s, 0, 1.0);
        expect(s, 2, 1.0);
        expect(s, 3, 0.5);
        expect(s, 6, 0.5);
        expect(s, 7, 0.1);
        expect(s, 1000, 0.1);
    }

    @Test
    void exponentialContinuousAndStaircase() {
        Schedule s = Schedules.exponential(2.0, 0.5, 2, false);
        expect(s, 0, 2.0);
        expect(s, 1, 2.0 / Math.sqrt(2.0)); // 2 * 0.5^(1/2)
        expect(s, 4, 0.5); // 2 * 0.5^2
        Schedule stairs = Schedules.exponential(2.0, 0.5, 2, true);
        expect(stairs, 1, 2.0);
        expect(stairs, 3, 1.0);
        expect(stairs, 4, 0.5);
    }

    @Test
    void cosineClampedAndPeriodic() {
        Schedule s = Schedules.cosine(1.0, 0.0, 4);
        expect(s, 0, 1.0);
        expect(s, 1, (1 + Math.sqrt(2) / 2) / 2); // (1 + cos(pi/4)) / 2
        expect(s, 2, 0.5);
        expect(s, 4, 0.0);
        expect(s, 6, 0.0); // clamped after decay_steps
        Schedule p = Schedules.periodicCosine(1.0, 0.0, 4);
        expect(p, 4, 0.0);
        expect(p, 6, 0.5); // (1 + cos(6 pi / 4)) / 2, rising again
        expect(p, 8, 1.0);
        Schedule floor = Schedules.cosine(1.0, 0.2, 4);
        expect(floor, 2, 0.2 + 0.8 * 0.5);
    }

    @Test
    void polynomialWithEndValue() {
        Schedule s = Schedules.polynomial(1.0, 0.1, 4, 2.0);
        expect(s, 0, 1.0);
        expect(s, 2, 0.9 * 0.25 + 0.1); // (1 - 0.1) * (1 - 2/4)^2 + 0.1 = 0.325
        expect(s, 4, 0.1);
        expect(s, 10, 0.1);
    }

    @Test
    void linearWarmupThenHolds() {
        Schedule s = Schedules.linearWarmup(0.0, 1.0, 4);
        expect(s, 0, 0.0);
        expect(s, 1, 0.25);
        expect(s, 4, 1.0);
        expect(s, 10, 1.0);
    }

    @Test
    void sequentialChildrenSeeTheirOwnLocalStep() {
        Schedule s = Schedules.sequential(List.of(Schedules.linearWarmup(0.0, 1.0, 4), Schedules.cosine(1.0, 0.0, 4)), 4);
        expect(s, 2, 0.5);
        expect(s, 4, 1.0); // cosine at local step 0
        expect(s, 6, 0.5); // cosine at local step 2
        expect(s, 8, 0.0);
        Schedule three = Schedules.sequential(List.of(Schedules.constant(1), Schedules.constant(2),
                Schedules.step(3.0, 1, 0.5)), 2, 5);
        expect(three, 1, 1);
        expect(three, 2, 2);
        expect(three, 5, 3);
        expect(three, 7, 0.75); // step decay at local step 2
    }

    @Test
    void unitSelectsIterationOrEpoch() {
        Schedule byIteration = Schedules.step(1.0, 1, 0.5);
        Schedule byEpoch = byIteration.withUnit(Unit.EPOCH);
        assertThat(byIteration.valueAt(3, 1)).isEqualTo(0.125);
        assertThat(byEpoch.valueAt(3, 1)).isEqualTo(0.5);
        assertThat(byEpoch.unit().toNd4j()).isEqualTo(org.nd4j.linalg.schedule.ScheduleType.EPOCH);
    }

    @Test
    void torchFactoriesUsePyTorchClosedForms() {
        expect(Torch.stepLR(0.1, 2, 0.9), 5, 0.1 * 0.9 * 0.9);
        expect(Torch.multiStepLR(0.8, 0.5, 3, 3, 7), 3, 0.2);
        expect(Torch.exponentialLR(0.1, 0.9), 2, 0.1 * 0.81);
        expect(Torch.cosineAnnealingLR(0.1, 1, 0.002), 1, 0.002);
        expect(Torch.cosineAnnealingLR(0.1, 1, 0.002), 2, 0.1);
        expect(Torch.linearLR(0.3, 0.1, 1.0, 10), 5, 0.3 * (0.1 + 0.9 * 0.5));
        Schedule seq = Torch.sequentialLR(1.0, List.of(Torch.linearLR(1.0, 0.2, 1.0, 5),
                Torch.exponentialLR(1.0, 0.9)), 5);
        expect(seq, 4, 0.2 + 0.8 * 4 / 5);
        expect(seq, 7, 0.81);
    }
}
