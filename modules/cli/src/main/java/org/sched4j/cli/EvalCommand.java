package org.sched4j.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.JsonNodeFactory;
import org.nd4j.shade.jackson.databind.node.NullNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;
import org.sched4j.schedule.Schedule;
import org.sched4j.spec.Json;
import org.sched4j.spec.SpecException;

/**
 * {@code sched4j eval}: a schedule's values as JSON, for one spec ({@code --spec}) or a JSONL batch
 * ({@code --batch}) in one JVM. The output format is a contract other tools read; see the README.
 */
final class EvalCommand {
    /** The most steps one request may ask for. */
    static final long MAX_STEPS = 10_000_000L;
    private static final long MAX_STEP = 1L << 53;
    private static final Set<String> FLAGS = Set.of("--spec", "--steps", "--start", "--backend", "--metrics",
            "--batch");

    private EvalCommand() {
    }

    static int run(String[] args, PrintStream out) {
        Options o = Options.parse("eval", args, FLAGS);
        Backend backend = Backend.parse(o.get("--backend"));
        if (o.has("--batch")) {
            for (String f : new String[] {"--spec", "--steps", "--start", "--metrics"}) {
                if (o.has(f)) {
                    throw new CliException(f + ": cannot be combined with --batch (give it in each batch row)");
                }
            }
            runBatch(o.get("--batch"), backend, out);
            return 0;
        }
        String specText = Options.textOrFile("--spec", o.required("--spec"));
        Schedule schedule;
        try {
            schedule = Schedule.parse(specText);
        } catch (SpecException e) {
            throw new CliException("--spec: " + e.getMessage());
        }
        long steps = o.integer("--steps", -1, 0, MAX_STEPS);
        if (steps < 0) {
            throw new CliException("--steps: is required");
        }
        long start = o.integer("--start", 0, 0, MAX_STEP - steps);
        if (o.has("--metrics")) {
            throw new CliException("--metrics: " + noMetrics(schedule));
        }
        try {
            out.println(Json.write(evaluate(schedule, start, (int) steps, backend)));
        } catch (SpecException e) {
            throw new CliException(e.getMessage());
        }
        return 0;
    }

    private static String noMetrics(Schedule s) {
        return "only a plateau schedule observes metrics (" + s.type().name() + " does not)";
    }

    /** {@code {"lr": [...]}} plus {@code "momentum"} when the schedule drives it; rejects non-finite values. */
    static ObjectNode evaluate(Schedule s, long start, int count, Backend backend) {
        ObjectNode result = Json.object();
        result.set("lr", finite("lr", backend.values(s, start, count, false), start));
        if (s.hasMomentum()) {
            result.set("momentum", finite("momentum", backend.values(s, start, count, true), start));
        }
        return result;
    }

    private static ArrayNode finite(String name, double[] values, long start) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode(values.length);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new SpecException(name, "the schedule gives " + values[i] + " at step " + (start + i)
                        + " (values must be finite)");
            }
            a.add(values[i]);
        }
        return a;
    }

    private static void runBatch(String file, Backend backend, PrintStream out) {
        try (BufferedReader in = Files.newBufferedReader(Path.of(file))) {
            int lineNo = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                out.println(Json.write(row(line, lineNo, backend)));
            }
        } catch (NoSuchFileException e) {
            throw new CliException("--batch: no such file: " + file);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new CliException("--batch: cannot read " + file + ": " + e.getMessage());
        }
        out.flush();
    }

    /** One output row: the input id with its values, or with an error; never throws for bad rows. */
    static ObjectNode row(String line, int lineNo, Backend backend) {
        ObjectNode result = Json.object();
        result.set("id", NullNode.getInstance());
        try {
            JsonNode row = Json.parse(line, "line " + lineNo);
            if (!row.isObject()) {
                throw new SpecException("line " + lineNo, "must be a JSON object with id, spec and steps");
            }
            if (row.has("id")) {
                result.set("id", row.get("id"));
            }
            JsonNode specNode = row.get("spec");
            if (specNode == null) {
                throw new SpecException("spec", "is required");
            }
            Schedule s;
            try {
                s = Schedule.fromSpec(specNode);
            } catch (SpecException e) {
                throw e.field().equals("spec") ? e : e.under("spec");
            }
            long steps = rowInteger(row, "steps", -1, MAX_STEPS);
            long start = rowInteger(row, "start", 0, MAX_STEP - Math.max(steps, 0));
            if (row.has("metrics")) {
                throw new SpecException("metrics", noMetrics(s));
            }
            result.setAll(evaluate(s, start, (int) steps, backend));
        } catch (SpecException e) {
            result.put("error", e.getMessage());
        } catch (RuntimeException e) {
            result.put("error", "internal error: " + String.valueOf(e.getMessage()).replace('\n', ' '));
        }
        return result;
    }

    private static long rowInteger(JsonNode row, String key, long def, long max) {
        JsonNode v = row.get(key);
        if (v == null) {
            if (def < 0) {
                throw new SpecException(key, "is required");
            }
            return def;
        }
        if (!v.canConvertToExactIntegral() || !v.isNumber()) {
            throw new SpecException(key, "must be an integer (got " + v + ")");
        }
        long n = v.asLong();
        if (n < 0 || n > max) {
            throw new SpecException(key, "must be between 0 and " + max + " (got " + v + ")");
        }
        return n;
    }
}
