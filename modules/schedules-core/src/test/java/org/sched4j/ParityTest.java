package org.sched4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.sched4j.schedule.Schedule;
import org.sched4j.schedule.ScheduleTypes;
import org.sched4j.spec.Json;

/**
 * Reproduces the recorded peer traces (src/test/resources/parity) with every evaluator: scalar within 1e-9,
 * table and graph within 1e-9 in double and 2e-6 in float32.
 */
class ParityTest {
    /** The torch types this build must reproduce; every one needs at least one trace. */
    private static final Set<String> REQUIRED = Set.of("torch.StepLR", "torch.MultiStepLR", "torch.ExponentialLR",
            "torch.CosineAnnealingLR", "torch.LinearLR", "torch.SequentialLR");

    /** The recorded peer files (see src/test/resources/parity/README.md). */
    static final List<String> FILES = List.of("torch-1.13.jsonl", "mindspore.jsonl", "keras.jsonl", "optax.jsonl");

    /** One recorded run; {@code momentum} is null where the peer did not cycle it, {@code metrics} for plateaus. */
    record Trace(String id, JsonNode spec, double[] lr, double[] momentum, double[] metrics) {
    }

    private static double[] numbers(JsonNode array) {
        if (array == null) {
            return null;
        }
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).doubleValue();
        }
        return values;
    }

    static List<Trace> load(String resource) throws IOException {
        List<Trace> out = new ArrayList<>();
        try (var in = ParityTest.class.getResourceAsStream("/parity/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = Json.parse(line, resource);
                out.add(new Trace(row.get("id").textValue(), row.get("spec"), numbers(row.get("lr")),
                        numbers(row.get("momentum")), numbers(row.get("metrics"))));
            }
        }
        return out;
    }

    /** Traces whose type this build registers (the rest belong to the catalogue issue). */
    static List<Trace> supported() throws IOException {
        List<Trace> all = new ArrayList<>();
        for (String file : FILES) {
            all.addAll(load(file));
        }
        return all.stream()
                .filter(t -> t.spec().findValues("type").stream()
                        .allMatch(type -> ScheduleTypes.find(type.textValue()) != null))
                .toList();
    }

    @Test
    void everyRequiredTypeHasATrace() throws IOException {
        Set<String> seen = new TreeSet<>();
        for (Trace t : supported()) {
            seen.add(t.spec().get("type").textValue());
        }
        assertThat(seen).containsAll(REQUIRED);
    }

    @Test
    void everyRecordedTraceIsReproduced() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String file : FILES) {
            for (Trace t : load(file)) {
                for (JsonNode type : t.spec().findValues("type")) {
                    if (ScheduleTypes.find(type.textValue()) == null) {
                        missing.add(t.id() + " (" + type.textValue() + ")");
                    }
                }
            }
        }
        assertThat(missing).as("traces naming unregistered types").isEmpty();
        assertThat(supported()).hasSize(56);
    }

    @TestFactory
    Stream<DynamicTest> peerTraces() throws IOException {
        return supported().stream().filter(t -> t.metrics() == null).map(t -> DynamicTest.dynamicTest(t.id(), () -> {
            Schedule s = Schedule.fromSpec(t.spec());
            int n = t.lr().length;
            double[] scalar = new double[n];
            for (int i = 0; i < n; i++) {
                scalar[i] = s.value(i);
            }
            Close.assertClose(t.id() + " scalar", t.lr(), scalar, 0, Close.DOUBLE);
            Close.assertClose(t.id() + " table/double", t.lr(), Nd4jBackends.table(s, 0, n, DataType.DOUBLE), 0,
                    Close.DOUBLE);
            Close.assertClose(t.id() + " table/float", t.lr(), Nd4jBackends.table(s, 0, n, DataType.FLOAT), 0,
                    Close.FLOAT);
            long[] steps = Nd4jBackends.range(0, n);
            Close.assertClose(t.id() + " graph/double", t.lr(), Nd4jBackends.graph(s, steps, DataType.DOUBLE), 0,
                    Close.DOUBLE);
            Close.assertClose(t.id() + " graph/float", t.lr(), Nd4jBackends.graph(s, steps, DataType.FLOAT), 0,
                    Close.FLOAT);
            if (t.momentum() != null) {
                assertMomentum(t, s, steps);
            }
        }));
    }

    /**
     * Plateau traces: the value in force for step t, then the metric reported after it is observed. Every
     * third step the schedule goes through its JSON spec and back, so the state resumes exactly.
     */
    @TestFactory
    Stream<DynamicTest> plateauTraces() throws IOException {
        return supported().stream().filter(t -> t.metrics() != null).map(t -> DynamicTest.dynamicTest(t.id(), () -> {
            Schedule s = Schedule.fromSpec(t.spec());
            assertThat(s.observesMetrics()).isTrue();
            double[] scalar = new double[t.lr().length];
            for (int i = 0; i < scalar.length; i++) {
                scalar[i] = s.value(i);
                s = s.observe(t.metrics()[i]);
                if (i % 3 == 2) {
                    s = Schedule.parse(s.toJson());
                }
            }
            Close.assertClose(t.id() + " scalar", t.lr(), scalar, 0, Close.DOUBLE);
        }));
    }

    /** The recorded momentum, by {@code momentum}, {@code momentumTable} and {@code momentumToGraph}. */
    private static void assertMomentum(Trace t, Schedule s, long[] steps) {
        double[] expected = t.momentum();
        int n = expected.length;
        assertThat(s.hasMomentum()).as(t.id() + " drives momentum").isTrue();
        double[] scalar = new double[n];
        for (int i = 0; i < n; i++) {
            scalar[i] = s.momentum(i);
        }
        Close.assertClose(t.id() + " momentum scalar", expected, scalar, 0, Close.DOUBLE);
        for (DataType type : List.of(DataType.DOUBLE, DataType.FLOAT)) {
            double tol = type == DataType.DOUBLE ? Close.DOUBLE : Close.FLOAT;
            double[] table = s.momentumTable(0, n, type).castTo(DataType.DOUBLE).toDoubleVector();
            Close.assertClose(t.id() + " momentum table/" + type, expected, table, 0, tol);
            SameDiff sd = SameDiff.create();
            SDVariable step = sd.placeHolder("step", DataType.INT64, -1);
            SDVariable out = s.momentumToGraph(sd, step, type);
            double[] graph = sd.output(Map.of("step", Nd4j.createFromArray(steps)), out.name()).get(out.name())
                    .castTo(DataType.DOUBLE).toDoubleVector();
            Close.assertClose(t.id() + " momentum graph/" + type, expected, graph, 0, tol);
        }
    }
}
