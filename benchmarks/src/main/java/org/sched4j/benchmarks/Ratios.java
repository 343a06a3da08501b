package org.sched4j.benchmarks;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/**
 * Reads a JMH JSON result file and prints the suite's ratios against their targets, each with its error
 * bar (the scores' 99.9% confidence half-widths, propagated): {@code java -cp benchmarks.jar
 * org.sched4j.benchmarks.Ratios results.json}.
 */
public final class Ratios {
    private Ratios() {
    }

    /** A score and its error bar. */
    private record Score(double value, double error) {
    }

    /** One ratio: {@code numerator / denominator}, met when at most (or at least) {@code target}. */
    private record Ratio(String name, String numerator, String denominator, boolean atMost, double target) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Ratios <jmh-result.json>");
            System.exit(2);
        }
        Map<String, Score> scores = new LinkedHashMap<>();
        for (JsonNode run : new ObjectMapper().readTree(new File(args[0]))) {
            String name = run.get("benchmark").asText().replaceFirst("^.*\\.(\\w+Benchmark\\.\\w+)$", "$1");
            JsonNode params = run.get("params");
            if (params != null && params.has("kind")) {
                name += "[" + params.get("kind").asText() + "]";
            }
            JsonNode m = run.get("primaryMetric");
            double error = m.get("scoreError").isNumber() ? m.get("scoreError").asDouble() : Double.NaN;
            scores.put(name, new Score(m.get("score").asDouble(), error));
        }
        List<Ratio> ratios = new ArrayList<>();
        for (String kind : List.of("exponential", "step", "poly", "inverse", "sigmoid", "cycle")) {
            ratios.add(new Ratio("scalar " + kind + ": sched4j / dl4j", "ScalarBenchmark.sched4j[" + kind + "]",
                    "ScalarBenchmark.dl4j[" + kind + "]", true, 1.0));
        }
        ratios.add(new Ratio("scalar piecewise10k: dl4j / sched4j (speed-up)", "ScalarBenchmark.dl4j[piecewise10k]",
                "ScalarBenchmark.sched4j[piecewise10k]", false, 20.0));
        ratios.add(new Ratio("table: sched4jTable / fillFloor", "TableBenchmark.sched4jTable",
                "TableBenchmark.fillFloor", true, 3.0));
        ratios.add(new Ratio("table: scalarLoop / sched4jTable (speed-up)", "TableBenchmark.scalarLoop",
                "TableBenchmark.sched4jTable", false, 10.0));
        ratios.add(new Ratio("graph: schedule / oneOp", "GraphBenchmark.schedule", "GraphBenchmark.oneOp", true, 2.0));
        ratios.add(new Ratio("graph: trainStepWithSchedule / trainStep", "GraphBenchmark.trainStepWithSchedule",
                "GraphBenchmark.trainStep", true, 1.05));
        ratios.add(new Ratio("training: sched4jSchedule / fixedSchedule", "TrainingBenchmark.sched4jSchedule",
                "TrainingBenchmark.fixedSchedule", true, 1.01));
        System.out.println();
        System.out.printf("%-52s %22s %10s %s%n", "ratio", "value ± error", "target", "met");
        for (Ratio r : ratios) {
            Score a = scores.get(r.numerator());
            Score b = scores.get(r.denominator());
            if (a == null || b == null) {
                continue;
            }
            double value = a.value() / b.value();
            double error = value * Math.hypot(a.error() / a.value(), b.error() / b.value());
            boolean met = r.atMost() ? value <= r.target() : value >= r.target();
            System.out.printf("%-52s %12.3f ± %-8.3f %s%-8s %s%n", r.name(), value, error, r.atMost() ? "<= " : ">= ",
                    r.target(), met ? "yes" : "NO");
        }
    }
}
