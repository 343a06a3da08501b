package org.sched4j.dl4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;

/**
 * A {@code TrainingListener} that records, for every iteration, the learning rate and momentum each
 * parameter of each layer got (read from the live updater when the update is computed, so a schedule
 * replaced later in the same iteration does not disturb it) and the score; writes them as CSV and draws PNG
 * charts of the learning rate and the score.
 */
public final class RateRecorder extends BaseTrainingListener {
    /** One iteration: its counters, the minibatch score and what every parameter got. */
    public record Step(int iteration, int epoch, double score, List<AppliedRate> rates) {
        /** The rate of one parameter. */
        public AppliedRate rate(String layer, String param) {
            for (AppliedRate r : rates) {
                if (r.layer().equals(layer) && r.param().equals(param)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("no parameter " + layer + "/" + param + " at iteration " + iteration);
        }
    }

    /** The CSV header of {@link #writeCsv}. */
    public static final String CSV_HEADER = "iteration,epoch,score,layer,param,lr,momentum";

    private final List<Step> steps = new ArrayList<>();
    private List<AppliedRate> pending;
    private int pendingIteration = -1;

    @Override
    public void onGradientCalculation(Model model) {
        pendingIteration = AppliedRates.iterationCount(model);
        pending = AppliedRates.at(model, pendingIteration, AppliedRates.epochCount(model));
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        List<AppliedRate> rates = pending != null && pendingIteration == iteration ? pending
                : AppliedRates.at(model, iteration, epoch);
        steps.add(new Step(iteration, epoch, model.score(), List.copyOf(rates)));
        pending = null;
    }

    /** The iterations recorded so far, in order. */
    public List<Step> steps() {
        return Collections.unmodifiableList(steps);
    }

    /** Writes {@link #CSV_HEADER} and one row per iteration and parameter; momentum empty when none. */
    public void writeCsv(Path file) {
        try (Writer w = Files.newBufferedWriter(createParent(file))) {
            w.write(CSV_HEADER + "\n");
            for (Step s : steps) {
                for (AppliedRate r : s.rates()) {
                    w.write(s.iteration() + "," + s.epoch() + "," + s.score() + "," + r.layer() + "," + r.param() + ","
                            + r.learningRate() + "," + (r.hasMomentum() ? String.valueOf(r.momentum()) : "") + "\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Draws {@code learning_rate.png} (one line per group of parameters whose rates are equal throughout),
     * {@code momentum.png} when a momentum changes during the run, and {@code loss.png} (DL4J's score: the minibatch
     * loss) into {@code dir}; returns the files written.
     */
    public List<Path> writeCharts(Path dir) {
        double[] x = new double[steps.size()];
        double[] score = new double[steps.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = steps.get(i).iteration();
            score[i] = steps.get(i).score();
        }
        List<PngCharts.Series> rates = new ArrayList<>(groups(x, false));
        List<PngCharts.Series> momenta = groups(x, true);
        Path lr = dir.resolve("learning_rate.png");
        PngCharts.write(lr, "learning rate applied per iteration", "iteration", "learning rate", rates);
        List<Path> out = new ArrayList<>(List.of(lr));
        if (momenta.stream().anyMatch(RateRecorder::varies)) {
            Path m = dir.resolve("momentum.png");
            PngCharts.write(m, "momentum applied per iteration", "iteration", "momentum", momenta);
            out.add(m);
        }
        Path sc = dir.resolve("loss.png");
        PngCharts.write(sc, "training loss (DL4J score) per iteration", "iteration", "loss",
                List.of(new PngCharts.Series("loss", x, score)));
        out.add(sc);
        return out;
    }

    /** Series of equal per-parameter sequences, labelled with the parameters sharing each. */
    private List<PngCharts.Series> groups(double[] x, boolean momentum) {
        Map<List<Double>, List<String>> byValues = new LinkedHashMap<>();
        if (steps.isEmpty()) {
            return List.of();
        }
        List<AppliedRate> first = steps.get(0).rates();
        for (int p = 0; p < first.size(); p++) {
            if (momentum && !first.get(p).hasMomentum()) {
                continue;
            }
            List<Double> values = new ArrayList<>(steps.size());
            for (Step s : steps) {
                AppliedRate r = s.rates().get(p);
                values.add(momentum ? r.momentum() : r.learningRate());
            }
            byValues.computeIfAbsent(values, k -> new ArrayList<>()).add(first.get(p).layer() + "/"
                    + first.get(p).param());
        }
        List<PngCharts.Series> out = new ArrayList<>();
        for (Map.Entry<List<Double>, List<String>> g : byValues.entrySet()) {
            double[] y = g.getKey().stream().mapToDouble(Double::doubleValue).toArray();
            String label = byValues.size() == 1 ? "every parameter" : String.join(", ", g.getValue());
            out.add(new PngCharts.Series(label.length() > 60 ? label.substring(0, 57) + "..." : label, x, y));
        }
        return out;
    }

    private static boolean varies(PngCharts.Series s) {
        for (double v : s.y()) {
            if (Double.compare(v, s.y()[0]) != 0) {
                return true;
            }
        }
        return false;
    }

    private static Path createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return file;
    }
}
