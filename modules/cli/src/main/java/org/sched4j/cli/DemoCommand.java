package org.sched4j.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.sched4j.catalog.Schedules;
import org.sched4j.schedule.Schedule;

/**
 * {@code sched4j demo}: a linear-warmup + cosine learning-rate schedule evaluated by all three evaluators,
 * printed as a short table and drawn as a PNG chart.
 */
final class DemoCommand {
    private static final Set<String> FLAGS = Set.of("--out");
    private static final int STEPS = 1000;

    private DemoCommand() {
    }

    static int run(String[] args, PrintStream out) {
        Options o = Options.parse("demo", args, FLAGS);
        Path dir = Path.of(o.has("--out") ? o.get("--out") : "sched4j-demo");
        Schedule s = Schedules.warmupCosine(0.1, 100, 900, 0.001);
        out.println("schedule: " + s.toJson());
        double[] scalar = Backend.SCALAR.values(s, 0, STEPS, false);
        double[] table = Backend.TABLE.values(s, 0, STEPS, false);
        double[] graph = Backend.GRAPH.values(s, 0, STEPS, false);
        out.printf("%6s  %-22s %-22s %-22s%n", "step", "scalar (ISchedule)", "table (ND4J)", "graph (SameDiff)");
        for (int step : new int[] {0, 25, 50, 75, 100, 200, 300, 400, 500, 600, 700, 800, 900, 999}) {
            out.printf("%6d  %-22s %-22s %-22s%n", step, scalar[step], table[step], graph[step]);
        }
        double worst = 0;
        for (int i = 0; i < STEPS; i++) {
            worst = Math.max(worst, Math.max(Math.abs(table[i] - scalar[i]), Math.abs(graph[i] - scalar[i])));
        }
        out.printf("largest difference between evaluators over %d steps: %.3g%n", STEPS, worst);
        Path png = dir.resolve("schedule.png");
        Charts.writePng(png, "linear warmup (100 steps) + cosine decay (900 steps)", "learning rate",
                List.of(new Charts.Series("lr", Charts.steps(0, STEPS), scalar)));
        out.println("chart: " + png);
        return 0;
    }
}
