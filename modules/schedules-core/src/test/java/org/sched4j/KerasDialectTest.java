package org.sched4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.sched4j.dialect.keras.Keras;
import org.sched4j.dialect.keras.KerasSerializedForm;
import org.sched4j.schedule.Schedule;
import org.sched4j.spec.Json;
import org.sched4j.spec.SpecException;

/**
 * The {@code keras.*} types against Keras's documented formulas and examples worked by hand, the quirks
 * reproduced on purpose, Keras's serialized form, and the rejections with their messages.
 */
class KerasDialectTest {
    private static final double EPS = 1e-15;

    private static void expect(Schedule s, long step, double expected) {
        assertThat(s.value(step)).as("%s at step %d", s, step).isCloseTo(expected, within(EPS));
    }

    private static void rejects(String json, String message) {
        assertThatThrownBy(() -> Schedule.parse(json)).isInstanceOf(SpecException.class).hasMessage(message);
    }

    /** {@code initial * ((1 - alpha) * scale * (1 + cos(pi * x)) / 2 + alpha)}. */
    private static double restart(double initial, double alpha, double scale, double x) {
        return initial * ((1 - alpha) * scale * (1 + Math.cos(Math.PI * x)) / 2 + alpha);
    }

    // ---- the schedules ----

    @Test
    void exponentialDecayDocExample() {
        Schedule s = Keras.exponentialDecay(0.1, 100_000, 0.96, true);
        expect(s, 99_999, 0.1);
        expect(s, 100_000, 0.1 * 0.96);
        expect(s, 250_000, 0.1 * 0.96 * 0.96);
        expect(Keras.exponentialDecay(0.1, 100_000, 0.96, false), 50_000, 0.1 * Math.sqrt(0.96));
    }

    @Test
    void piecewiseConstantDecaySwitchesOneStepAfterEachBoundary() {
        // Keras's docstring: 1.0 for the first 100001 steps, 0.5 for the next 10000, 0.1 after.
        Schedule s = Keras.piecewiseConstantDecay(new long[] {100_000, 110_000}, new double[] {1.0, 0.5, 0.1});
        expect(s, 0, 1.0);
        expect(s, 100_000, 1.0);
        expect(s, 100_001, 0.5);
        expect(s, 110_000, 0.5);
        expect(s, 110_001, 0.1);
        expect(s, 1L << 45, 0.1);
    }

    @Test
    void polynomialDecayDocExampleDefaultsAndCycle() {
        Schedule s = Keras.polynomialDecay(0.1, 10_000, 0.01, 0.5, false);
        expect(s, 2_500, 0.09 * Math.sqrt(0.75) + 0.01);
        expect(s, 10_000, 0.01);
        expect(s, 20_000, 0.01);
        Schedule defaults = Schedule.parse("{\"type\":\"keras.PolynomialDecay\",\"initial_learning_rate\":0.1,"
                + "\"decay_steps\":100}");
        expect(defaults, 50, (0.1 - 0.0001) * 0.5 + 0.0001); // end_learning_rate=0.0001, power=1
        Schedule cycle = Keras.polynomialDecay(0.1, 10_000, 0.01, 0.5, true);
        expect(cycle, 0, 0.1); // multiplier 1 at step 0
        expect(cycle, 10_000, 0.01);
        expect(cycle, 15_000, 0.09 * Math.sqrt(0.25) + 0.01); // D = 20000
    }

    @Test
    void inverseTimeDecayDocExample() {
        Schedule s = Keras.inverseTimeDecay(0.1, 1, 0.5, false);
        expect(s, 0, 0.1);
        expect(s, 3, 0.1 / 2.5);
        Schedule stairs = Keras.inverseTimeDecay(0.1, 2, 0.5, true);
        expect(stairs, 3, 0.1 / 1.5);
        expect(stairs, 4, 0.1 / 2);
    }

    @Test
    void cosineDecayWithoutWarmup() {
        Schedule s = Keras.cosineDecay(0.1, 1000, 0.0);
        expect(s, 0, 0.1);
        expect(s, 500, 0.05);
        expect(s, 1000, 0.0);
        Schedule floor = Keras.cosineDecay(0.1, 1000, 0.1);
        expect(floor, 1000, 0.01);
        expect(floor, 5000, 0.01);
    }

    @Test
    void cosineDecayWarmupDocExampleExcludesTheWarmupFromDecaySteps() {
        Schedule s = Keras.cosineDecay(0.0, 1000, 0.0, 0.1, 1000);
        expect(s, 0, 0.0);
        expect(s, 500, 0.05);
        expect(s, 1000, 0.1);
        expect(s, 1500, 0.05);
        expect(s, 2000, 0.0);
        expect(s, 3000, 0.0);
        Schedule alpha = Keras.cosineDecay(0.0, 1000, 0.2, 0.1, 1000);
        expect(alpha, 2000, 0.02); // alpha is a fraction of warmup_target
    }

    @Test
    void cosineDecayWarmupQuirks() {
        // a warmup_target with warmup_steps=0 starts the decay at warmup_target, not initial_learning_rate
        expect(Keras.cosineDecay(0.5, 100, 0.0, 0.1, 0), 0, 0.1);
        // warmup_steps without a warmup_target is ignored
        Schedule ignored = Schedule.parse("{\"type\":\"keras.CosineDecay\",\"initial_learning_rate\":0.1,"
                + "\"decay_steps\":100,\"warmup_steps\":50}");
        expect(ignored, 0, 0.1);
        expect(ignored, 50, 0.05);
    }

    @Test
    void cosineDecayRestartsGeometricCyclesScaledPeakUnscaledFloor() {
        Schedule s = Keras.cosineDecayRestarts(1.0, 10, 2.0, 0.5, 0.1);
        expect(s, 0, 1.0);
        expect(s, 5, restart(1.0, 0.1, 1, 0.5));
        expect(s, 9, restart(1.0, 0.1, 1, 0.9));
        expect(s, 10, 0.9 * 0.5 + 0.1); // cycle 1 (20 steps) starts at its peak m_mul^1
        expect(s, 20, restart(1.0, 0.1, 0.5, 0.5));
        expect(s, 29, restart(1.0, 0.1, 0.5, 19.0 / 20));
        expect(s, 30, 0.9 * 0.25 + 0.1); // cycle 2 (40 steps)
        expect(s, 70, 0.9 * 0.125 + 0.1); // cycle 3 (80 steps)
        expect(s, 150, 0.9 * 0.0625 + 0.1);
    }

    @Test
    void cosineDecayRestartsEqualCyclesAndFractionalTMul() {
        Schedule equal = Keras.cosineDecayRestarts(1.0, 10, 1.0, 0.5, 0.1);
        expect(equal, 25, restart(1.0, 0.1, 0.25, 0.5));
        expect(equal, 1_000_000_000_005L, restart(1.0, 0.1, Math.pow(0.5, 100_000_000_000L), 0.5));
        // t_mul = 1.5: cycles start at 10, 25, 47.5 (a real start: the restart is the first step after it)
        Schedule half = Keras.cosineDecayRestarts(1.0, 10, 1.5, 1.0, 0.0);
        expect(half, 25, 1.0);
        expect(half, 47, restart(1.0, 0.0, 1, 22.0 / 22.5));
        expect(half, 48, restart(1.0, 0.0, 1, 0.5 / 33.75));
        // t_mul = 1.2: cycle 2 starts at 10 + 12 = 22, though 10 * (1.2^2 - 1) / 0.2 is 22.000000000000004
        Schedule fifth = Keras.cosineDecayRestarts(1.0, 10, 1.2, 0.5, 0.0);
        expect(fifth, 21, restart(1.0, 0.0, 0.5, 11.0 / 12));
        expect(fifth, 22, 0.25);
    }

    @Test
    void theStepStaysExactWhereKerasFloat32CastWouldRoundIt() {
        Schedule s = Keras.exponentialDecay(1.0, 16_777_217L, 0.5, true);
        long[] steps = {16_777_216L, 16_777_217L};
        double[] expected = {1.0, 0.5};
        Close.assertClose("table", expected, Nd4jBackends.table(s, steps[0], 2, DataType.FLOAT), steps[0], 0);
        Close.assertClose("graph", expected, Nd4jBackends.graph(s, steps, DataType.FLOAT), steps[0], 0);
    }

    @Test
    void nameIsAcceptedAndNeverChangesAValue() {
        Schedule named = Schedule.parse("{\"type\":\"keras.ExponentialDecay\",\"initial_learning_rate\":0.1,"
                + "\"decay_steps\":10,\"decay_rate\":0.5,\"name\":\"my_lr\"}");
        Schedule plain = Keras.exponentialDecay(0.1, 10, 0.5, false);
        assertThat(plain.args().string("name")).isEqualTo("ExponentialDecay"); // Keras 3's default
        assertThat(named.args().string("name")).isEqualTo("my_lr");
        for (long t : new long[] {0, 7, 10, 12_345}) {
            assertThat(named.value(t)).isEqualTo(plain.value(t));
        }
        rejects("{\"type\":\"keras.ExponentialDecay\",\"initial_learning_rate\":0.1,\"decay_steps\":10,"
                + "\"decay_rate\":0.5,\"name\":5}", "name: must be a string (got number 5)");
    }

    @Test
    void warmupTargetIsNoneByDefaultAndWrittenBackAsNull() {
        Schedule s = Keras.cosineDecay(0.1, 100, 0.0);
        assertThat(s.args().has("warmup_target")).isFalse();
        assertThat(s.toJson()).contains("\"warmup_target\":null");
        assertThat(Schedule.parse(s.toJson())).isEqualTo(s);
        assertThat(Keras.cosineDecay(0.1, 100, 0.0, 0.2, 10).args().real("warmup_target")).isEqualTo(0.2);
    }

    // ---- Keras's own checks, and what would give NaN or an infinite rate in Keras ----

    @Test
    void rejections() {
        String exp = "{\"type\":\"keras.ExponentialDecay\",\"initial_learning_rate\":0.1,";
        rejects(exp + "\"decay_steps\":0,\"decay_rate\":0.5}", "decay_steps: must be > 0 (got 0)");
        rejects(exp + "\"decay_steps\":1.5,\"decay_rate\":0.5}", "decay_steps: must be an integer (got 1.5)");
        rejects(exp + "\"decay_steps\":10,\"decay_rate\":-0.5}", "decay_rate: must be >= 0 (got -0.5)");
        rejects(exp + "\"decay_steps\":10}", "decay_rate: is required");
        String pw = "{\"type\":\"keras.PiecewiseConstantDecay\",";
        rejects(pw + "\"boundaries\":[3,7],\"values\":[1.0,0.5]}",
                "values: must have one more element than boundaries (got 2 values and 2 boundaries)");
        rejects(pw + "\"boundaries\":[5,5],\"values\":[1.0,0.5,0.1]}",
                "boundaries[1]: must be greater than the previous element 5 (the list must be strictly increasing)");
        rejects(pw + "\"boundaries\":[],\"values\":[1.0]}", "boundaries: must have at least 1 element (got 0)");
        rejects("{\"type\":\"keras.PolynomialDecay\",\"initial_learning_rate\":0.1,\"decay_steps\":10,\"power\":-1}",
                "power: must be >= 0 (got -1)");
        rejects("{\"type\":\"keras.InverseTimeDecay\",\"initial_learning_rate\":0.1,\"decay_steps\":10,"
                + "\"decay_rate\":-2}", "decay_rate: must be >= 0 (got -2)");
        String cos = "{\"type\":\"keras.CosineDecay\",\"initial_learning_rate\":0.1,\"decay_steps\":10,";
        rejects(cos + "\"warmup_target\":0.2,\"warmup_steps\":-1}", "warmup_steps: must be >= 0 (got -1)");
        rejects(cos + "\"warmup_target\":\"x\"}", "warmup_target: must be a number (got string \"x\")");
        String sgdr = "{\"type\":\"keras.CosineDecayRestarts\",\"initial_learning_rate\":0.1,";
        rejects(sgdr + "\"first_decay_steps\":0}", "first_decay_steps: must be > 0 (got 0)");
        rejects(sgdr + "\"first_decay_steps\":10,\"t_mul\":0.5}", "t_mul: must be >= 1 (got 0.5)");
        rejects(sgdr + "\"first_decay_steps\":1,\"t_mul\":1.001}", "t_mul: must be 1 or far enough from 1 that at "
                + "most 4096 restarts begin before step 2^53 (got 1.001 with first_decay_steps 1)");
    }

    // ---- Keras's serialized form ----

    private static final String KERAS3 = "{\"module\":\"keras.optimizers.schedules\",\"class_name\":"
            + "\"ExponentialDecay\",\"config\":{\"initial_learning_rate\":0.1,\"decay_steps\":100000,"
            + "\"decay_rate\":0.96,\"staircase\":true,\"name\":\"ExponentialDecay\"},\"registered_name\":null}";

    @Test
    void readsKeras3sSerializedForm() {
        Schedule s = Schedule.parse(KERAS3);
        assertThat(s).isEqualTo(Keras.exponentialDecay(0.1, 100_000, 0.96, true));
        assertThat(Keras.deserialize(KERAS3)).isEqualTo(s);
        // it writes back our own spec form, which reads back to the same schedule
        assertThat(s.toJson()).startsWith("{\"type\":\"keras.ExponentialDecay\"");
        assertThat(Schedule.parse(s.toJson())).isEqualTo(s);
    }

    @Test
    void readsTheFormWithoutModuleAndWithNullConfigValues() {
        // Keras's deserialize docstring example (tf.keras writes "name": None)
        Schedule s = Schedule.parse("{\"class_name\":\"PolynomialDecay\",\"config\":{\"cycle\":false,"
                + "\"decay_steps\":10000,\"end_learning_rate\":0.01,\"initial_learning_rate\":0.1,\"name\":null,"
                + "\"power\":0.5}}");
        assertThat(s).isEqualTo(Keras.polynomialDecay(0.1, 10_000, 0.01, 0.5, false));
        Schedule cos = Schedule.parse("{\"class_name\":\"CosineDecay\",\"config\":{\"initial_learning_rate\":0.1,"
                + "\"decay_steps\":100,\"alpha\":0.0,\"name\":\"CosineDecay\",\"warmup_target\":null,"
                + "\"warmup_steps\":0},\"module\":\"keras.optimizers.schedules\",\"registered_name\":null}");
        assertThat(cos).isEqualTo(Keras.cosineDecay(0.1, 100, 0.0));
    }

    @Test
    void readsTheFormNestedInsideAnotherSpec() {
        Schedule s = Schedule.parse("{\"type\":\"sequential\",\"boundaries\":[5],\"schedules\":[{\"type\":"
                + "\"constant\",\"value\":0.5},{\"class_name\":\"PiecewiseConstantDecay\",\"config\":{\"boundaries\":"
                + "[3],\"values\":[0.2,0.1]}}]}");
        expect(s, 4, 0.5);
        expect(s, 5, 0.2); // local step 0
        expect(s, 8, 0.2); // local step 3 <= boundary 3
        expect(s, 9, 0.1);
        assertThatThrownBy(() -> Schedule.parse("{\"type\":\"sequential\",\"boundaries\":[5],\"schedules\":[{\"type\":"
                + "\"constant\",\"value\":0.5},{\"class_name\":\"ExponentialDecay\",\"config\":{"
                + "\"initial_learning_rate\":0.1,\"decay_steps\":0,\"decay_rate\":0.5}}]}"))
                .isInstanceOf(SpecException.class).hasMessage("schedules[1].config.decay_steps: must be > 0 (got 0)");
    }

    @Test
    void serializedFormErrorsNameTheKeyInsideIt() {
        String cfg = "\"config\":{\"initial_learning_rate\":0.1,\"decay_steps\":10,\"decay_rate\":0.5}";
        rejects("{\"class_name\":\"ExponentialDecay\",\"config\":{\"initial_learning_rate\":0.1,\"decay_steps\":0,"
                + "\"decay_rate\":0.5}}", "config.decay_steps: must be > 0 (got 0)");
        rejects("{\"class_name\":\"ExponentialDecay\",\"config\":{\"initial_learning_rate\":0.1,\"decay_steps\":10}}",
                "config.decay_rate: is required");
        rejects("{\"class_name\":\"PiecewiseConstantDecay\",\"config\":{\"boundaries\":[3],\"values\":[1.0]}}",
                "config.values: must have one more element than boundaries (got 1 values and 1 boundaries)");
        rejects("{\"class_name\":\"ExponentialDecay\",\"config\":{\"initial_learning_rate\":0.1,\"decay_steps\":10,"
                + "\"decay_rate\":0.5,\"type\":\"constant\"}}", "config.type: is not an argument of Keras's "
                + "ExponentialDecay (allowed: initial_learning_rate, decay_steps, decay_rate, staircase, name)");
        rejects("{\"class_name\":\"MyDecay\"," + cfg + "}", "class_name: unknown Keras schedule \"MyDecay\" (known: "
                + "ExponentialDecay, PiecewiseConstantDecay, PolynomialDecay, InverseTimeDecay, CosineDecay, "
                + "CosineDecayRestarts)");
        rejects("{\"class_name\":5," + cfg + "}", "class_name: must be a string naming a Keras schedule (got number)");
        rejects("{\"class_name\":\"ExponentialDecay\"}",
                "config: must be a JSON object of ExponentialDecay's arguments (got nothing)");
        rejects("{\"class_name\":\"ExponentialDecay\"," + cfg + ",\"unit\":\"epoch\"}", "unit: is not a key of "
                + "Keras's serialized form (allowed: class_name, config, module, registered_name)");
        rejects("{\"class_name\":\"ExponentialDecay\"," + cfg + ",\"module\":\"my_package.schedules\"}",
                "module: must be a Keras module such as keras.optimizers.schedules (got \"my_package.schedules\")");
        rejects("{\"class_name\":\"ExponentialDecay\"," + cfg + ",\"registered_name\":\"my_package>ExponentialDecay\"}",
                "registered_name: must be null for Keras's own ExponentialDecay (got \"my_package>ExponentialDecay\", "
                        + "a custom registered class)");
    }

    @Test
    void deserializeWantsKerasForm() {
        assertThatThrownBy(() -> Keras.deserialize("{\"type\":\"constant\",\"value\":1}"))
                .isInstanceOf(SpecException.class)
                .hasMessage("spec: must be Keras's serialized form {\"class_name\": ..., \"config\": {...}}");
        assertThat(KerasSerializedForm.toSpec(Json.parse(KERAS3, "spec")).get("type").textValue())
                .isEqualTo("keras.ExponentialDecay");
    }
}
