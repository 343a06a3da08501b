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
        double[] metrics = o.has("--metrics") ? metricList(Options.textOrFile("--metrics", o.get("--metrics")))
                : null;
        try {
            out.println(Json.write(evaluate(schedule, start, (int) steps, backend, metrics)));
        } catch (SpecException e) {
            boolean flag = e.field().startsWith("metrics") || e.field().equals("backend");
            throw new CliException((flag ? "--" : "") + e.getMessage());
        }
        return 0;
    }

    /** {@code m0,m1,...}: numbers separated by commas or white space. */
    private static double[] metricList(String text) {
        String[] parts = text.trim().isEmpty() ? new String[0] : text.trim().split("[,\\s]+");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw new CliException("--metrics: element " + i + " must be a number (got '" + parts[i] + "')");
            }
        }
        return out;
    }

    /**
     * {@code {"lr": [...]}} plus {@code "momentum"} when the schedule drives it; rejects non-finite values. A
     * plateau schedule observes {@code metrics[i]} after step {@code i} (from step 0), scalar backend only.
     */
    static ObjectNode evaluate(Schedule s, long start, int count, Backend backend, double[] metrics) {
        ObjectNode result = Json.object();
        if (s.observesMetrics()) {
            if (backend != Backend.SCALAR) {
                throw new SpecException("backend", s.type().name() + " depends on observed metrics, not on the "
                        + "step alone; only the scalar backend runs it");
            }
            result.set("lr", finite("lr", Plateaus.values(s, start, count, metrics), start));
            return result;
        }
        if (metrics != null) {
            throw new SpecException("metrics", "only a plateau schedule observes metrics (" + s.type().name()
                    + " does not)");
        }
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
            result.setAll(evaluate(s, start, (int) steps, backend, rowMetrics(row.get("metrics"))));
        } catch (SpecException e) {
            result.put("error", e.getMessage());
        } catch (RuntimeException e) {
            result.put("error", "internal error: " + String.valueOf(e.getMessage()).replace('\n', ' '));
        }
        return result;
    }

    private static double[] rowMetrics(JsonNode m) {
        if (m == null) {
            return null;
        }
        if (!m.isArray()) {
            throw new SpecException("metrics", "must be a JSON array of numbers");
        }
        double[] out = new double[m.size()];
        for (int i = 0; i < out.length; i++) {
            if (!m.get(i).isNumber()) {
                throw new SpecException("metrics[" + i + "]", "must be a number (got " + m.get(i) + ")");
            }
            out[i] = m.get(i).doubleValue();
        }
        return out;
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
