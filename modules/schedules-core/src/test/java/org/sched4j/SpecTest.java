package org.sched4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sched4j.SpecRejection.rejects;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.sched4j.catalog.Schedules;
import org.sched4j.schedule.Schedule;
import org.sched4j.spec.SpecException;

/** JSON specs: round trips, defaults, and rejection of bad input with the field and rule named. */
class SpecTest {

    @TestFactory
    Stream<DynamicTest> everySampleRoundTripsToAnEqualSchedule() {
        return EvaluatorAgreementTest.SPECS.stream().map(j -> DynamicTest.dynamicTest(j, () -> {
            Schedule s = Schedule.parse(j);
            Schedule back = Schedule.parse(s.toJson());
            assertThat(back).isEqualTo(s).hasSameHashCodeAs(s);
            assertThat(back.toJson()).isEqualTo(s.toJson());
        }));
    }

    @Test
    void defaultsAreWrittenBackAndCompareEqualToExplicitValues() {
        Schedule implicit = Schedule.parse("{\"type\":\"torch.StepLR\",\"lr\":0.1,\"step_size\":3}");
        Schedule explicit = Schedule.parse(
                "{\"type\":\"torch.StepLR\",\"lr\":0.1,\"step_size\":3,\"gamma\":0.1,\"last_epoch\":-1}");
        assertThat(implicit).isEqualTo(explicit);
        assertThat(implicit.toJson()).isEqualTo(
                "{\"type\":\"torch.StepLR\",\"lr\":0.1,\"step_size\":3,\"gamma\":0.1,\"last_epoch\":-1}");
    }

    @Test
    void unitIsPartOfTheSpecAndOfEquality() {
        Schedule epoch = Schedule.parse("{\"type\":\"constant\",\"value\":1,\"unit\":\"epoch\"}");
        assertThat(epoch).isNotEqualTo(Schedules.constant(1));
        assertThat(Schedule.parse(epoch.toJson())).isEqualTo(epoch);
    }

    @Test
    void integralNumbersAreAcceptedForIntegerArguments() {
        assertThat(Schedule.parse("{\"type\":\"step\",\"initial\":1,\"step_size\":3.0,\"gamma\":0.5}"))
                .isEqualTo(Schedules.step(1, 3, 0.5));
    }

    @Test
    void javaSerializationGoesThroughTheSpec() throws Exception {
        Schedule s = Schedules.warmupCosine(0.1, 10, 90, 0.001);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(s);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(s);
        }
    }

    @Test
    void unknownKey() {
        rejects("{\"type\":\"cosine\",\"initial\":1,\"decay_steps\":10,\"decay\":1}", "decay",
                "is not an argument of cosine");
    }

    @Test
    void missingKey() {
        rejects("{\"type\":\"cosine\",\"initial\":1}", "decay_steps", "is required");
        rejects("{\"initial\":1}", "type", "is required");
    }

    @Test
    void wrongTypes() {
        rejects("{\"type\":\"cosine\",\"initial\":1,\"decay_steps\":\"ten\"}", "decay_steps", "must be an integer");
        rejects("{\"type\":\"cosine\",\"initial\":\"1\",\"decay_steps\":10}", "initial", "must be a number");
        rejects("{\"type\":\"step\",\"initial\":1,\"step_size\":2.5,\"gamma\":0.5}", "step_size", "must be an integer");
        rejects("{\"type\":\"exponential\",\"initial\":1,\"decay_rate\":0.5,\"staircase\":1}", "staircase",
                "must be true or false");
        rejects("{\"type\":\"multistep\",\"initial\":1,\"milestones\":5,\"gamma\":0.5}", "milestones",
                "must be a JSON array");
        rejects("[1,2]", "spec", "must be a JSON object");
        rejects("{\"type\":7}", "type", "must be a string");
    }

    @Test
    void nonFiniteNumbers() {
        rejects("{\"type\":\"constant\",\"value\":NaN}", "spec", "is not valid JSON");
        rejects("{\"type\":\"constant\",\"value\":Infinity}", "spec", "is not valid JSON");
        rejects("{\"type\":\"constant\",\"value\":1e400}", "value", "must be a finite number");
        rejects("{\"type\":\"step\",\"initial\":1,\"step_size\":1e30,\"gamma\":0.5}", "step_size", "within +-2^53");
    }

    @Test
    void outOfRangeValues() {
        rejects("{\"type\":\"step\",\"initial\":1,\"step_size\":0,\"gamma\":0.5}", "step_size", "must be >= 1 (got 0)");
        rejects("{\"type\":\"exponential\",\"initial\":1,\"decay_rate\":0}", "decay_rate", "must be > 0");
        rejects("{\"type\":\"multistep\",\"initial\":1,\"milestones\":[3,-1],\"gamma\":0.5}", "milestones[1]",
                "must be >= 0");
        rejects("{\"type\":\"piecewise\",\"boundaries\":[5,5],\"values\":[1,2,3]}", "boundaries[1]",
                "strictly increasing");
        rejects("{\"type\":\"piecewise\",\"boundaries\":[5],\"values\":[1,2,3]}", "values", "one more element");
        rejects("{\"type\":\"torch.LinearLR\",\"lr\":0.1,\"start_factor\":0}", "start_factor", "must be > 0");
        rejects("{\"type\":\"torch.LinearLR\",\"lr\":0.1,\"end_factor\":1.5}", "end_factor", "must be <= 1");
        rejects("{\"type\":\"constant\",\"value\":1,\"unit\":\"week\"}", "unit", "must be \"iteration\" or \"epoch\"");
    }

    @Test
    void onlyOurOwnTypesCanBeNamed() {
        rejects("{\"type\":\"org.nd4j.linalg.schedule.ExponentialSchedule\",\"initialValue\":1,\"gamma\":0.5}",
                "type", "unknown schedule type");
        rejects("{\"type\":\"java.lang.Runtime\"}", "type", "unknown schedule type");
    }

    @Test
    void nestedErrorsNameTheirPath() {
        rejects("{\"type\":\"sequential\",\"boundaries\":[5],\"schedules\":[{\"type\":\"constant\",\"value\":1},"
                + "{\"type\":\"cosine\",\"initial\":1,\"decay_steps\":0}]}", "schedules[1].decay_steps", "must be >= 1");
        rejects("{\"type\":\"sequential\",\"boundaries\":[5, 9],\"schedules\":[{\"type\":\"constant\",\"value\":1},"
                + "{\"type\":\"constant\",\"value\":2}]}", "boundaries", "one element fewer");
        rejects("{\"type\":\"sequential\",\"boundaries\":[5],\"schedules\":[{\"type\":\"constant\",\"value\":1},"
                + "{\"type\":\"constant\",\"value\":2,\"unit\":\"epoch\"}]}", "schedules[1].steps_per_epoch", "is required for a nested schedule in epochs");
        rejects("{\"type\":\"constant\",\"value\":1,\"steps_per_epoch\":10}", "steps_per_epoch",
                "needs \"unit\": \"epoch\"");
        rejects("{\"type\":\"constant\",\"value\":1,\"unit\":\"epoch\",\"steps_per_epoch\":0}",
                "steps_per_epoch", "must be >= 1");
        rejects("{\"type\":\"torch.SequentialLR\",\"lr\":0.1,\"milestones\":[5],\"schedulers\":["
                + "{\"type\":\"torch.ExponentialLR\",\"gamma\":0.9},{\"type\":\"torch.ExponentialLR\",\"lr\":0.5,"
                + "\"gamma\":0.9}]}", "schedulers[1].lr", "must equal the optimizer's lr");
        rejects("{\"type\":\"torch.SequentialLR\",\"lr\":0.1,\"milestones\":[5],\"schedulers\":["
                + "{\"type\":\"torch.ExponentialLR\",\"gamma\":0.9},{\"type\":\"constant\",\"value\":0.5}]}",
                "schedulers[1].type", "must be a torch.* scheduler");
    }

    @Test
    void duplicateKeysAndTrailingGarbageAreInvalidJson() {
        rejects("{\"type\":\"constant\",\"value\":1,\"value\":2}", "spec", "Duplicate field");
        rejects("{\"type\":\"constant\",\"value\":1} x", "spec", "is not valid JSON");
        rejects("", "spec", "is empty");
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String deepJson = "[".repeat(100_000) + "]".repeat(100_000);
        rejects(deepJson, "spec", "nests deeper than");
        String child = "{\"type\":\"constant\",\"value\":1}";
        for (int i = 0; i < 20; i++) {
            child = "{\"type\":\"sequential\",\"boundaries\":[],\"schedules\":[" + child + "]}";
        }
        String deepSchedules = child;
        assertThatThrownBy(() -> Schedule.parse(deepSchedules)).isInstanceOf(SpecException.class)
                .hasMessageContaining("nest deeper than 16");
    }

    @Test
    void javaFactoriesReportTheSpecKey() {
        assertThatThrownBy(() -> Schedules.cosine(0.1, 0, 0)).isInstanceOf(SpecException.class)
                .hasMessage("decay_steps: must be >= 1 (got 0)");
        assertThatThrownBy(() -> Schedules.constant(Double.NaN)).isInstanceOf(SpecException.class)
                .hasMessageStartingWith("value: must be a finite number");
    }
}
