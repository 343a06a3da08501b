package org.sched4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.sched4j.spec.Json;

/** The {@code sched4j eval} contract: output shape, batch rows in order with errors, exit codes. */
class EvalContractTest {
    record Run(int code, String out, String err) {
        List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).doubleValue();
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "table", "graph"})
    void singleSpecPrintsOneObjectWithTheValues(String backend) {
        // StepLR(lr=0.1, step_size=2, gamma=0.9) at steps 3..7: 0.1 * 0.9^floor(t/2)
        Run r = run("eval", "--spec", "{\"type\":\"torch.StepLR\",\"lr\":0.1,\"step_size\":2,\"gamma\":0.9}",
                "--steps", "5", "--start", "3", "--backend", backend);
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.lines()).hasSize(1);
        JsonNode o = Json.parse(r.out(), "out");
        assertThat(o.size()).isEqualTo(1);
        double[] lr = doubles(o.get("lr"));
        double[] expected = {0.1 * 0.9, 0.1 * 0.81, 0.1 * 0.81, 0.1 * 0.729, 0.1 * 0.729};
        assertThat(lr).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(lr[i]).isCloseTo(expected[i], org.assertj.core.api.Assertions.within(1e-15));
        }
    }

    @Test
    void specFromFileAndZeroSteps(@TempDir Path dir) throws IOException {
        Path spec = dir.resolve("s.json");
        Files.writeString(spec, "{\"type\":\"constant\",\"value\":0.5}");
        assertThat(run("eval", "--spec", "@" + spec, "--steps", "2").out()).isEqualTo("{\"lr\":[0.5,0.5]}\n");
        assertThat(run("eval", "--spec", "@" + spec, "--steps", "0").out()).isEqualTo("{\"lr\":[]}\n");
    }

    @Test
    void doublesArePrintedAtFullPrecision() {
        Run r = run("eval", "--spec", "{\"type\":\"cosine\",\"initial\":1,\"decay_steps\":3}", "--steps", "2");
        double v = doubles(Json.parse(r.out(), "out").get("lr"))[1];
        assertThat(v).isEqualTo(0.5 * (1 + Math.cos(Math.PI / 3))); // round-trips bit for bit
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "table", "graph"})
    void batchKeepsOrderAndGoodRowsAroundBadOnes(String backend, @TempDir Path dir) throws IOException {
        Path batch = dir.resolve("b.jsonl");
        Files.write(batch, List.of(
                "{\"id\":\"a\",\"spec\":{\"type\":\"step\",\"initial\":1,\"step_size\":1,\"gamma\":0.5},\"steps\":3}",
                "this is not json",
                "{\"id\":\"b\",\"spec\":{\"type\":\"step\",\"initial\":1,\"step_size\":0,\"gamma\":0.5},\"steps\":3}",
                "{\"id\":\"c\",\"spec\":{\"type\":\"no.Such\"},\"steps\":3}",
                "{\"id\":\"d\",\"spec\":{\"type\":\"constant\",\"value\":2},\"steps\":-1}",
                "{\"id\":42,\"spec\":{\"type\":\"constant\",\"value\":2},\"steps\":2,\"start\":10}",
                "{\"id\":\"e\",\"spec\":{\"type\":\"constant\",\"value\":2},\"steps\":2,\"metrics\":[1,2]}"));
        Run r = run("eval", "--batch", batch.toString(), "--backend", backend);
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> lines = r.lines();
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).isEqualTo("{\"id\":\"a\",\"lr\":[1.0,0.5,0.25]}");
        assertThat(lines.get(1)).startsWith("{\"id\":null,\"error\":\"line 2: is not valid JSON");
        assertThat(lines.get(2)).isEqualTo("{\"id\":\"b\",\"error\":\"spec.step_size: must be >= 1 (got 0)\"}");
        assertThat(lines.get(3)).startsWith("{\"id\":\"c\",\"error\":\"spec.type: unknown schedule type");
        assertThat(lines.get(4)).startsWith("{\"id\":\"d\",\"error\":\"steps: must be between 0 and");
        assertThat(lines.get(5)).isEqualTo("{\"id\":42,\"lr\":[2.0,2.0]}");
        assertThat(lines.get(6)).startsWith("{\"id\":\"e\",\"error\":\"metrics: only a plateau schedule");
    }

    /** Every recorded peer trace whose types are registered; plateau traces (with metrics) for scalar only. */
    private static List<String> parityRows(String backend) throws IOException {
        List<String> rows = new java.util.ArrayList<>();
        for (String f : List.of("torch-1.13.jsonl", "mindspore.jsonl", "keras.jsonl", "optax.jsonl")) {
            for (String l : Files.readAllLines(Path.of("../schedules-core/src/test/resources/parity/" + f))) {
                JsonNode row = Json.parse(l, f);
                boolean registered = row.get("spec").findValues("type").stream()
                        .allMatch(t -> org.sched4j.schedule.ScheduleTypes.find(t.textValue()) != null);
                if (registered && (backend.equals("scalar") || !row.has("metrics"))) {
                    rows.add(l);
                }
            }
        }
        return rows;
    }

    private static void assertTrace(JsonNode in, JsonNode out, String key, double tol) {
        double[] want = doubles(in.get(key));
        double[] got = doubles(out.get(key));
        assertThat(got).as("%s %s", in.get("id"), key).hasSize(want.length);
        for (int k = 0; k < want.length; k++) {
            assertThat(Math.abs(got[k] - want[k])).as("%s %s step %d", in.get("id"), key, k)
                    .isLessThanOrEqualTo(tol * Math.abs(want[k]) + 1e-18);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "table", "graph"})
    void batchReproducesThePeerTracesWithEachBackend(String backend, @TempDir Path dir) throws IOException {
        List<String> rows = parityRows(backend);
        assertThat(rows).hasSize(backend.equals("scalar") ? 56 : 54);
        Path batch = dir.resolve("parity.jsonl");
        Files.write(batch, rows);
        Run r = run("eval", "--batch", batch.toString(), "--backend", backend);
        List<String> lines = r.lines();
        assertThat(lines).hasSize(rows.size());
        double tol = backend.equals("scalar") ? 1e-9 : 2e-6;
        for (int i = 0; i < rows.size(); i++) {
            JsonNode in = Json.parse(rows.get(i), "in");
            JsonNode out = Json.parse(lines.get(i), "out");
            assertThat(out.get("id")).isEqualTo(in.get("id"));
            assertThat(out.has("error")).as(lines.get(i)).isFalse();
            assertTrace(in, out, "lr", tol);
            if (in.has("momentum")) {
                assertTrace(in, out, "momentum", tol);
            }
        }
    }

    @Test
    void plateauObservesMetricsOnTheScalarBackendOnly() {
        // patience 1, factor 0.5: 3 is best, 3 and 3 are bad epochs 1 and 2 -> halved for step 3 on.
        String spec = "{\"type\":\"plateau\",\"initial\":0.8,\"factor\":0.5,\"patience\":1}";
        Run r = run("eval", "--spec", spec, "--steps", "5", "--metrics", "3,3,3,3");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("{\"lr\":[0.8,0.8,0.8,0.4,0.4]}\n");
        Run late = run("eval", "--spec", spec, "--steps", "2", "--start", "3", "--metrics", "3 3 3 3 3");
        assertThat(late.out()).isEqualTo("{\"lr\":[0.4,0.4]}\n");
        Run graph = run("eval", "--spec", spec, "--steps", "5", "--backend", "graph");
        assertThat(graph.code()).isEqualTo(2);
        assertThat(graph.err()).startsWith("error: --backend: plateau depends on observed metrics");
        Run few = run("eval", "--spec", spec, "--steps", "5", "--metrics", "3,3");
        assertThat(few.code()).isEqualTo(2);
        assertThat(few.err()).startsWith("error: --metrics: must give one metric per step from step 0 up to the "
                + "last step asked for: 4 or 5 values (got 2)");
        Run bad = run("eval", "--spec", spec, "--steps", "3", "--metrics", "3,x");
        assertThat(bad.err()).startsWith("error: --metrics: element 1 must be a number (got 'x')");
    }

    @Test
    void badInputExitsTwoWithOneErrorLineAndNoStackTrace() {
        String[][] cases = {
            {"eval", "--spec", "{\"type\":\"cosine\",\"initial\":1}", "--steps", "3"},
            {"eval", "--spec", "{\"type\":\"constant\",\"value\":1}"},
            {"eval", "--spec", "{\"type\":\"constant\",\"value\":1}", "--steps", "many"},
            {"eval", "--spec", "{\"type\":\"constant\",\"value\":1}", "--steps", "3", "--backend", "gpu"},
            {"eval", "--spec", "@/no/such/file.json", "--steps", "3"},
            {"eval", "--batch", "/no/such/file.jsonl"},
            {"eval", "--batch", "x.jsonl", "--steps", "3"},
            {"eval", "--spec", "{\"type\":\"constant\",\"value\":1}", "--steps", "3", "--colour", "red"},
            {"eval", "--spec", "{\"type\":\"constant\",\"value\":NaN}", "--steps", "3"},
            {"frobnicate"},
        };
        String[] fields = {"--spec: decay_steps: is required", "--steps: is required", "--steps: must be an integer",
            "--backend: must be", "--spec: no such file", "--batch: no such file", "--steps: cannot be combined",
            "--colour: unknown option", "--spec: spec: is not valid JSON", "unknown command"};
        for (int i = 0; i < cases.length; i++) {
            Run r = run(cases[i]);
            assertThat(r.code()).as(String.join(" ", cases[i])).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).startsWith("error: " + fields[i]).endsWith("\n");
            assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("\tat ");
        }
    }

    /** Each dialect rejects what its peer rejects: exit 2 and one {@code error:} line naming the field. */
    @Test
    void eachDialectRejectsWhatItsPeerRejects() {
        String[][] cases = {
            {"{\"type\":\"torch.OneCycleLR\",\"lr\":0.1,\"max_lr\":0.1}", "total_steps: must be a positive integer"},
            {"{\"type\":\"torch.ReduceLROnPlateau\",\"lr\":0.1,\"factor\":1.5}", "factor: must be < 1"},
            {"{\"type\":\"mindspore.CosineDecayLR\",\"min_lr\":0.1,\"max_lr\":0.1,\"decay_steps\":4}",
                "max_lr: must be greater than min_lr"},
            {"{\"type\":\"keras.ExponentialDecay\",\"initial_learning_rate\":0.1,\"decay_steps\":0,"
                + "\"decay_rate\":0.9}", "decay_steps: must be > 0"},
            {"{\"class_name\":\"ExponentialDecay\",\"config\":{\"initial_learning_rate\":0.1,\"decay_steps\":10,"
                + "\"decay_rate\":0.9,\"bogus\":1}}", "config.bogus: is not an argument"},
            {"{\"type\":\"optax.warmup_cosine_decay_schedule\",\"init_value\":0,\"peak_value\":1,"
                + "\"warmup_steps\":10,\"decay_steps\":10}", "decay_steps: must be greater than warmup_steps"},
            {"{\"type\":\"dl4j.Map\",\"values\":{\"5\":0.1}}", "values: must contain key \"0\""},
        };
        for (String[] c : cases) {
            Run r = run("eval", "--spec", c[0], "--steps", "3");
            assertThat(r.code()).as(c[0]).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).as(c[0]).startsWith("error: --spec: " + c[1]);
            assertThat(r.err().strip()).doesNotContain("\n");
        }
    }
}
