package org.sched4j.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.sched4j.Close;
import org.sched4j.schedule.Schedule;
import org.sched4j.schedule.ScheduleTypes;
import org.sched4j.spec.Json;

/**
 * Property: the recorded peer traces (every {@code parity/*.jsonl} row whose types are registered, plateau
 * rows aside) come out of the graph evaluator for any subset of their steps in any order, fed as one INT64
 * vector: 1e-9 relative in double, 2e-6 in float.
 */
class GraphParityPropertyTest {
    private record Trace(String id, JsonNode spec, double[] lr) {
    }

    private static final List<Trace> TRACES = load();

    private static List<Trace> load() {
        try {
            Path dir = Path.of(GraphParityPropertyTest.class.getResource("/parity").toURI());
            List<Trace> out = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                    for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                        if (line.isBlank()) {
                            continue;
                        }
                        JsonNode row = Json.parse(line, f.getFileName().toString());
                        JsonNode spec = row.get("spec");
                        boolean registered = spec.findValues("type").stream()
                                .allMatch(t -> ScheduleTypes.find(t.textValue()) != null);
                        if (registered && row.get("metrics") == null) {
                            JsonNode lr = row.get("lr");
                            double[] values = new double[lr.size()];
                            for (int i = 0; i < values.length; i++) {
                                values[i] = lr.get(i).doubleValue();
                            }
                            out.add(new Trace(row.get("id").textValue(), spec, values));
                        }
                    }
                }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 8)
    void tracesThroughTheGraphInAnyOrder(@ForAll Random random, @ForAll boolean inFloat, @ForAll boolean formula) {
        DataType type = inFloat ? DataType.FLOAT : DataType.DOUBLE;
        SameDiff sd = SameDiff.create();
        Map<String, INDArray> feed = new java.util.HashMap<>();
        List<String> outputs = new ArrayList<>();
        List<long[]> chosen = new ArrayList<>();
        for (int t = 0; t < TRACES.size(); t++) {
            Trace trace = TRACES.get(t);
            List<Long> steps = new ArrayList<>();
            for (long s = 0; s < trace.lr().length; s++) {
                steps.add(s);
            }
            Collections.shuffle(steps, random);
            long[] pick = steps.subList(0, 1 + random.nextInt(steps.size())).stream().mapToLong(Long::longValue)
                    .toArray();
            chosen.add(pick);
            SDVariable step = sd.placeHolder("step" + t, DataType.INT64, -1);
            feed.put(step.name(), Nd4j.createFromArray(pick));
            Schedule schedule = Schedule.fromSpec(trace.spec());
            outputs.add((formula ? schedule.toGraphFormula(sd, step, type) : schedule.toGraph(sd, step, type)).name());
        }
        Map<String, INDArray> values = sd.output(feed, outputs);
        for (int t = 0; t < TRACES.size(); t++) {
            long[] pick = chosen.get(t);
            double[] expected = new double[pick.length];
            for (int i = 0; i < pick.length; i++) {
                expected[i] = TRACES.get(t).lr()[(int) pick[i]];
            }
            Close.assertClose(TRACES.get(t).id() + (formula ? " formula" : "") + " graph/" + type, expected,
                    values.get(outputs.get(t)).castTo(DataType.DOUBLE).toDoubleVector(), pick[0],
                    inFloat ? Close.FLOAT : Close.DOUBLE);
        }
    }
}
