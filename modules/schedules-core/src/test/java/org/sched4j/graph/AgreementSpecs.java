package org.sched4j.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.sched4j.schedule.Schedule;

/** Test helper: every spec of every {@code agreement/*.jsonl} file, whatever groups exist after a merge. */
public final class AgreementSpecs {
    private AgreementSpecs() {
    }

    /** All specs, file by file in name order, one per non-blank line. */
    public static List<String> all() {
        try {
            Path dir = Path.of(AgreementSpecs.class.getResource("/agreement").toURI());
            List<String> out = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                    Files.readAllLines(f, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).forEach(out::add);
                }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The specs a step-function evaluator runs: all but plateau schedules. */
    public static List<String> stepFunctions() {
        return all().stream().filter(j -> !Schedule.parse(j).observesMetrics()).toList();
    }
}
