package org.sched4j.benchmarks;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/**
 * Reads a JMH JSON result file and prints the suite's ratios against their targets, each with its error
 * bar (the scores' 99.9% confidence half-widths, propagated): {@code java -cp benchmarks.jar
 * org.sched4j.benchmarks.Ratios results.json}.
 *
 * <p>A benchmark measured in sample mode (the training steps, whose garbage-collection pauses give a
 * heavy tail) is scored by the median operation time of each iteration: the score is the mean of those
 * medians and the error bar their 99.9% Student-t half-width, as JMH computes it for averages.
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

    /** The mean of the iterations' median times, with the 99.9% half-width of that mean. */
    static Score medianScore(JsonNode histogram) {
        List<Double> medians = new ArrayList<>();
        for (JsonNode fork : histogram) {
            for (JsonNode iteration : fork) {
                medians.add(median(iteration));
            }
        }
        int n = medians.size();
        double mean = medians.stream().mapToDouble(Double::doubleValue).sum() / n;
        double squares = medians.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double error = n < 2 ? Double.NaN
                : new TDistribution(n - 1).inverseCumulativeProbability(1 - 0.001 / 2) * Math.sqrt(squares / (n - 1) / n);
        return new Score(mean, error);
    }

    /** The median of one iteration's histogram: {@code [[time, count], ...]}. */
    private static double median(JsonNode iteration) {
        List<double[]> bins = new ArrayList<>();
        long total = 0;
        for (JsonNode bin : iteration) {
            bins.add(new double[] {bin.get(0).asDouble(), bin.get(1).asLong()});
            total += bin.get(1).asLong();
        }
        bins.sort((x, y) -> Double.compare(x[0], y[0]));
        long seen = 0;
        for (double[] bin : bins) {
            seen += (long) bin[1];
            if (2 * seen >= total) {
                return bin[0];
            }
        }
        return Double.NaN;
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
            String className = name.replaceFirst("\\..*$", "");
            for (var it = run.path("secondaryMetrics").fields(); it.hasNext();) {
                var entry = it.next();
                JsonNode sm = entry.getValue();
                if (!entry.getKey().contains(":") && sm.get("scoreError").isNumber()) {
                    // a method of a group (measured side by side with the others): mean and its error
                    scores.put(className + "." + entry.getKey(),
                            new Score(sm.get("score").asDouble(), sm.get("scoreError").asDouble()));
                }
            }
            if ("sample".equals(run.path("mode").asText()) && m.has("rawDataHistogram")) {
                scores.put(name, medianScore(m.get("rawDataHistogram")));
                continue;
            }
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
        ratios.add(new Ratio("table: fusedLoop / fillFloor (bound, no target)", "TableBenchmark.fusedLoop",
                "TableBenchmark.fillFloor", true, Double.NaN));
        ratios.add(new Ratio("table: sched4jTable / fusedLoop (no target)", "TableBenchmark.sched4jTable",
                "TableBenchmark.fusedLoop", true, Double.NaN));
        ratios.add(new Ratio("table: scalarLoop / sched4jTable (speed-up)", "TableBenchmark.scalarLoop",
                "TableBenchmark.sched4jTable", false, 10.0));
        ratios.add(new Ratio("graph: schedule / oneOp", "GraphBenchmark.schedule", "GraphBenchmark.oneOp", true, 2.0));
        ratios.add(new Ratio("graph: twoOps / oneOp (bound, no target)", "GraphBenchmark.twoOps",
                "GraphBenchmark.oneOp", true, Double.NaN));
        ratios.add(new Ratio("graph: gatherOnly / oneOp (bound, no target)", "GraphBenchmark.gatherOnly",
                "GraphBenchmark.oneOp", true, Double.NaN));
        ratios.add(new Ratio("graph: scheduleFormula / oneOp (no target)", "GraphBenchmark.scheduleFormula",
                "GraphBenchmark.oneOp", true, Double.NaN));
        ratios.add(new Ratio("graph: trainStepWithSchedule / trainStep", "GraphBenchmark.trainStepWithSchedule",
                "GraphBenchmark.trainStep", true, 1.05));
        ratios.add(new Ratio("graph, side by side: pairedTrainStepWithSchedule / pairedTrainStep",
                "GraphBenchmark.pairedTrainStepWithSchedule", "GraphBenchmark.pairedTrainStep", true, 1.05));
        ratios.add(new Ratio("training: sched4jSchedule / fixedSchedule", "TrainingBenchmark.sched4jSchedule",
                "TrainingBenchmark.fixedSchedule", true, 1.01));
        ratios.add(new Ratio("training, side by side: pairedSched4j / pairedFixed", "TrainingBenchmark.pairedSched4j",
                "TrainingBenchmark.pairedFixed", true, 1.01));
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
            if (Double.isNaN(r.target())) {
                System.out.printf("%-52s %12.3f ± %-8.3f%n", r.name(), value, error);
                continue;
            }
            // signed distance to the target, positive on the good side
            double margin = r.atMost() ? r.target() - value : value - r.target();
            String met = margin >= error ? "yes" : margin >= 0 ? "yes, inside the error bar"
                    : margin >= -error ? "no, inside the error bar" : "NO";
            System.out.printf("%-52s %12.3f ± %-8.3f %s%-8s %s%n", r.name(), value, error, r.atMost() ? "<= " : ">= ",
                    r.target(), met);
        }
    }
}
