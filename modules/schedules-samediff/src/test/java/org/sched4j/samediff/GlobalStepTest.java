package org.sched4j.samediff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sched4j.catalog.Schedules;
import org.sched4j.schedule.Schedule;

/** The global step: an INT64 variable and its increment op, or a placeholder of shape [] or [N]. */
class GlobalStepTest {
    private static final Schedule LR = Schedules.warmupCosine(0.1, 100, 900, 1e-4);

    private static double read(SameDiff sd, SDVariable v) {
        return sd.output(Map.of(), v.name()).get(v.name()).getDouble(0);
    }

    @Test
    void aVariableStartsAtZeroAndIncrementsInTheGraph() {
        SameDiff sd = SameDiff.create();
        GlobalStep step = GlobalStep.create(sd);
        assertThat(step.variable().name()).isEqualTo("global_step");
        assertThat(step.variable().dataType()).isEqualTo(DataType.INT64);
        assertThat(step.next().name()).isEqualTo("global_step/next");
        assertThat(step.isPlaceholder()).isFalse();
        SDVariable lr = step.valueOf(LR);
        for (long expected = 0; expected < 5; expected++) {
            assertThat(step.get()).isEqualTo(expected);
            assertThat(read(sd, lr)).isCloseTo(LR.value(expected), within(1e-9));
            step.increment();
        }
        step.set(3_000_000_000L);
        assertThat(read(sd, lr)).isCloseTo(LR.value(3_000_000_000L), within(1e-9));
        step.increment();
        assertThat(step.get()).isEqualTo(3_000_000_001L);
    }

    @Test
    void aResumedRunStartsWhereItWas() {
        SameDiff sd = SameDiff.create();
        GlobalStep step = GlobalStep.create(sd, "iterations", 250);
        assertThat(step.get()).isEqualTo(250);
        assertThat(read(sd, step.valueOf(LR, DataType.DOUBLE))).isCloseTo(LR.value(250), within(1e-15));
        assertThatThrownBy(() -> GlobalStep.create(sd, "iterations", 0)).hasMessageStartingWith("name: iterations is "
                + "already a variable");
        assertThatThrownBy(() -> GlobalStep.create(SameDiff.create(), "s", -1)).hasMessage("initial: must be >= 0 (got "
                + "-1)");
        assertThat(GlobalStep.of(sd, "iterations").next()).isSameAs(step.next());
    }

    @Test
    void aScalarPlaceholderIsFedOneStep() {
        SameDiff sd = SameDiff.create();
        GlobalStep step = GlobalStep.placeholder(sd, "step");
        assertThat(step.isPlaceholder()).isTrue();
        SDVariable lr = step.valueOf(LR);
        Map<String, INDArray> r = sd.output(Map.of("step", Nd4j.scalar(150L)), lr.name(), step.next().name());
        assertThat(r.get(lr.name()).rank()).isZero();
        assertThat(r.get(lr.name()).getDouble(0)).isCloseTo(LR.value(150), within(1e-8));
        assertThat(r.get(step.next().name()).getLong(0)).isEqualTo(151);
        assertThatThrownBy(step::get).isInstanceOf(IllegalStateException.class)
                .hasMessage("step is a placeholder: its value is fed with each call, not stored");
    }

    @Test
    void aVectorPlaceholderIsFedManySteps() {
        SameDiff sd = SameDiff.create();
        GlobalStep step = GlobalStep.placeholder(sd, "steps", -1);
        SDVariable lr = step.valueOf(LR, DataType.DOUBLE);
        long[] steps = {0, 50, 100, 101, 999, 1000, 5000};
        Map<String, INDArray> r = sd.output(Map.of("steps", Nd4j.createFromArray(steps)), lr.name(), step.next().name());
        for (int i = 0; i < steps.length; i++) {
            assertThat(r.get(lr.name()).getDouble(i)).isCloseTo(LR.value(steps[i]), within(1e-12));
            assertThat(r.get(step.next().name()).getLong(i)).isEqualTo(steps[i] + 1);
        }
        assertThatThrownBy(() -> GlobalStep.placeholder(sd, "grid", 2, 3)).hasMessage("shape: must be [] or [N] (got "
                + "[2, 3])");
    }

    @Test
    void ofRejectsWhatIsNotAnIntegerStep() {
        SameDiff sd = SameDiff.create();
        sd.var("w", Nd4j.scalar(1.0));
        assertThatThrownBy(() -> GlobalStep.of(sd, "missing")).hasMessage("name: no variable missing in this graph");
        assertThatThrownBy(() -> GlobalStep.of(sd, "w")).hasMessage("name: w must be an INT64 variable or placeholder "
                + "(got VARIABLE DOUBLE)");
    }
}
