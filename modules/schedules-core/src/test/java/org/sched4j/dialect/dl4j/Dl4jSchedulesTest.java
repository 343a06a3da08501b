package org.sched4j.dialect.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.CycleSchedule;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.PolySchedule;
import org.nd4j.linalg.schedule.RampSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;
import org.sched4j.schedule.Schedule;
import org.sched4j.schedule.Unit;

/** The converter's edges: units, null types, what it refuses and why, and updaters. */
class Dl4jSchedulesTest {

    @Test
    void converterKeepsTheUnitAndReturnsSched4jSchedulesAsTheyAre() {
        Schedule own = Dl4j.fixed(0.1);
        assertThat(Dl4jSchedules.from(own)).isSameAs(own);
        assertThat(Dl4jSchedules.from(new StepSchedule(ScheduleType.EPOCH, 0.1, 0.5, 3)).unit())
                .isEqualTo(Unit.EPOCH);
        assertThat(Dl4jSchedules.from(new StepSchedule(ScheduleType.ITERATION, 0.1, 0.5, 3)).unit())
                .isEqualTo(Unit.ITERATION);
    }

    @Test
    void converterReadsANullScheduleTypeAsDl4jDoes() {
        // Most classes test "== ITERATION" (so null reads the epoch); CycleSchedule tests "== EPOCH".
        ISchedule exp = new ExponentialSchedule(null, 1.0, 0.5);
        assertThat(Dl4jSchedules.from(exp).unit()).isEqualTo(Unit.EPOCH);
        assertThat(exp.valueAt(0, 2)).isEqualTo(Dl4jSchedules.from(exp).valueAt(0, 2)).isEqualTo(0.25);
        ISchedule cycle = new CycleSchedule(null, 0.1, 1.0, 10, 2, 0.1);
        assertThat(Dl4jSchedules.from(cycle).unit()).isEqualTo(Unit.ITERATION);
        assertThat(cycle.valueAt(4, 0)).isEqualTo(Dl4jSchedules.from(cycle).valueAt(4, 0)).isEqualTo(1.0);
    }

    @Test
    void converterDropsMapKeysBelowZeroThatDl4jNeverReads() {
        MapSchedule m = new MapSchedule.Builder(ScheduleType.ITERATION).add(-5, 9.0).add(0, 1.0).add(3, 0.5).build();
        Schedule s = Dl4jSchedules.from(m);
        assertThat(s).isEqualTo(Dl4j.map(Map.of(0, 1.0, 3, 0.5)));
        for (int i = 0; i < 6; i++) {
            assertThat(s.valueAt(i, 0)).isEqualTo(m.valueAt(i, 0));
        }
    }

    @Test
    void converterRejectsUnknownClassesNamingThemAndTheSupportedOnes() {
        ISchedule custom = new ISchedule() {
            @Override
            public double valueAt(int iteration, int epoch) {
                return 1;
            }

            @Override
            public ISchedule clone() {
                return this;
            }
        };
        assertThatThrownBy(() -> Dl4jSchedules.from(custom)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot convert " + custom.getClass().getName() + ": supported are "
                        + "ExponentialSchedule, StepSchedule, InverseSchedule, PolySchedule, SigmoidSchedule, "
                        + "MapSchedule, CycleSchedule, RampSchedule, FixedSchedule");
        // A subclass may compute anything, so only the exact classes convert.
        ISchedule sub = new StepSchedule(ScheduleType.ITERATION, 1, 0.5, 2) {
            @Override
            public double valueAt(int iteration, int epoch) {
                return 0;
            }
        };
        assertThatThrownBy(() -> Dl4jSchedules.from(sub)).hasMessageContaining("supported are");
        assertThatThrownBy(() -> Dl4jSchedules.from(null)).hasMessage("schedule: must not be null");
    }

    @Test
    void converterRejectsWhatTheSpecRejectsNamingTheArgument() {
        assertThatThrownBy(() -> Dl4jSchedules.from(new PolySchedule(ScheduleType.ITERATION, 0.1, 2, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot convert PolySchedule: maxIter: must be >= 1 (got 0)");
        assertThatThrownBy(() -> Dl4jSchedules.from(new StepSchedule(ScheduleType.ITERATION, 0.1, 0.5, 0)))
                .hasMessage("cannot convert StepSchedule: step: must be > 0 (got 0)");
        assertThatThrownBy(() -> Dl4jSchedules.from(new CycleSchedule(ScheduleType.ITERATION, 0.1, 1, 10, 12, 0.1)))
                .hasMessage("cannot convert CycleSchedule: annealingLength: must be <= cycleLength 10 (got 12)");
    }

    @Test
    void converterRejectsARampWhoseBaseCountsEpochs() {
        RampSchedule r = new RampSchedule(new ExponentialSchedule(ScheduleType.EPOCH, 0.1, 0.9), 10);
        assertThatThrownBy(() -> Dl4jSchedules.from(r)).hasMessage("cannot convert RampSchedule: its ramp counts "
                + "iterations but its base ExponentialSchedule counts epochs, and a sched4j schedule reads one "
                + "counter");
    }

    @Test
    void converterRejectsAMapWhoseValuesWereReplacedBehindItsSortedKeys() {
        MapSchedule m = new MapSchedule.Builder(ScheduleType.ITERATION).add(0, 1.0).add(3, 0.5).build();
        m.setValues(new TreeMap<>(Map.of(0, 1.0, 7, 0.5)));
        assertThatThrownBy(() -> Dl4jSchedules.from(m)).hasMessageStartingWith("cannot convert MapSchedule: its "
                + "values no longer match its sorted keys");
    }

    @Test
    void updaterSchedulesAreConvertedInACopy() {
        ISchedule step = new StepSchedule(ScheduleType.ITERATION, 0.1, 0.5, 100);
        Adam adam = new Adam(step);
        IUpdater converted = Dl4jSchedules.convertUpdater(adam);
        assertThat(((Adam) converted).getLearningRateSchedule()).isEqualTo(Dl4j.step(0.1, 0.5, 100));
        assertThat(adam.getLearningRateSchedule()).isSameAs(step);
        assertThat(converted.getLearningRate(250, 0)).isEqualTo(adam.getLearningRate(250, 0));

        ISchedule momentum = new MapSchedule.Builder(ScheduleType.EPOCH).add(0, 0.9).add(5, 0.99).build();
        Nesterovs nesterovs = new Nesterovs(new ExponentialSchedule(ScheduleType.EPOCH, 0.1, 0.9), momentum);
        Nesterovs n = (Nesterovs) Dl4jSchedules.convertUpdater(nesterovs);
        assertThat(n.getLearningRateSchedule()).isInstanceOf(Schedule.class);
        assertThat(n.getMomentumISchedule()).isEqualTo(Dl4j.map(Map.of(0, 0.9, 5, 0.99)).withUnit(Unit.EPOCH));
        for (int epoch = 0; epoch < 8; epoch++) {
            assertThat(n.getLearningRate(3, epoch)).isEqualTo(nesterovs.getLearningRate(3, epoch));
            assertThat(n.currentMomentum(3, epoch)).isEqualTo(nesterovs.currentMomentum(3, epoch));
        }

        Sgd plain = new Sgd(0.01);
        assertThat(Dl4jSchedules.convertUpdater(plain)).isEqualTo(plain);
    }
}
