package org.sched4j.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.sched4j.catalog.Schedules;
import org.sched4j.dl4j.AppliedRate;
import org.sched4j.dl4j.PngCharts;
import org.sched4j.dl4j.RateRecorder;
import org.sched4j.schedule.Schedule;

/**
 * {@code sched4j demo}: a linear-warmup + cosine learning-rate schedule, evaluated by all three evaluators
 * (a short table), then used to train an MLP on Iris with DL4J; prints the test accuracy and draws the
 * schedule, the learning rate DL4J applied and the loss as PNG charts.
 */
final class DemoCommand {
    private static final Set<String> FLAGS = Set.of("--out");
    private static final int EPOCHS = 30;
    private static final int BATCH = 10;
    private static final long SEED = 42;
    /** 120 training flowers in batches of 10: 12 iterations per epoch. */
    private static final int STEPS = EPOCHS * 12;
    private static final int WARMUP = 36;

    private DemoCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options o = Options.parse("demo", args, FLAGS);
        Path dir = Path.of(o.has("--out") ? o.get("--out") : "sched4j-demo");
        Schedule s = Schedules.warmupCosine(0.1, WARMUP, STEPS - WARMUP, 0.001);
        out.println("schedule: " + s.toJson());
        double[] scalar = Backend.SCALAR.values(s, 0, STEPS, false);
        double[] table = Backend.TABLE.values(s, 0, STEPS, false);
        double[] graph = Backend.GRAPH.values(s, 0, STEPS, false);
        out.printf("%6s  %-22s %-22s %-22s%n", "step", "scalar (ISchedule)", "table (ND4J)", "graph (SameDiff)");
        for (int step : new int[] {0, 9, 18, 27, 36, 72, 108, 144, 180, 198, 216, 252, 288, 324, 359}) {
            out.printf("%6d  %-22s %-22s %-22s%n", step, scalar[step], table[step], graph[step]);
        }
        double worst = 0;
        for (int i = 0; i < STEPS; i++) {
            worst = Math.max(worst, Math.max(Math.abs(table[i] - scalar[i]), Math.abs(graph[i] - scalar[i])));
        }
        out.printf("largest difference between evaluators over %d steps: %.3g%n", STEPS, worst);

        out.printf("training a 4-16-3 MLP on Iris: %d epochs of %d minibatches, Nesterovs, this schedule%n", EPOCHS,
                STEPS / EPOCHS);
        IrisData data = IrisData.load();
        MultiLayerNetwork net = IrisTraining.newNetwork(s, SEED);
        IrisTraining.Result result = IrisTraining.train(net, data, SEED, BATCH, EPOCHS, err);
        out.printf("learning rate DL4J applied equals the schedule at %d of %d iterations%n",
                matching(result.recorder(), scalar), result.recorder().steps().size());
        out.printf("accuracy: %.2f%n", result.accuracy());

        Path png = dir.resolve("schedule.png");
        Charts.writePng(png, "linear warmup (" + WARMUP + " steps) + cosine decay (" + (STEPS - WARMUP) + " steps)",
                "learning rate", List.of(new PngCharts.Series("lr", Charts.steps(0, STEPS), scalar)));
        out.println("chart: " + png);
        try {
            for (Path p : result.recorder().writeCharts(dir)) {
                out.println("chart: " + p);
            }
        } catch (UncheckedIOException e) {
            throw new CliException("--out: " + e.getMessage());
        }
        return 0;
    }

    /** Iterations at which every parameter got exactly the schedule's value. */
    private static int matching(RateRecorder recorder, double[] schedule) {
        int n = 0;
        for (RateRecorder.Step step : recorder.steps()) {
            boolean all = true;
            for (AppliedRate r : step.rates()) {
                all &= r.learningRate() == schedule[step.iteration()];
            }
            n += all ? 1 : 0;
        }
        return n;
    }
}
