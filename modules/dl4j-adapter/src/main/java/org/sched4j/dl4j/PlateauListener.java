package org.sched4j.dl4j;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.learning.config.IUpdater;
import org.sched4j.schedule.Schedule;

/**
 * A {@code TrainingListener} that feeds a metric to every plateau schedule ({@code plateau},
 * {@code torch.ReduceLROnPlateau}) on a network's updaters, at the end of each epoch or every N iterations.
 *
 * <p>A {@link Schedule} is immutable and holds its plateau state in its spec, so each observation replaces
 * the schedule in each updater configuration by its observed successor: the state is in the configuration
 * JSON and is saved with the model by {@code ModelSerializer}; the listener itself holds nothing to save
 * except the scores of an unfinished window (see {@link Builder#everyIterations}). Given the same metrics,
 * the learning rate changes exactly as PyTorch's ReduceLROnPlateau changes it.
 *
 * <pre>{@code
 * net.addListeners(new PlateauListener.Builder().metric(PlateauMetric.validationScore(valData)).build());
 * }</pre>
 */
public final class PlateauListener extends BaseTrainingListener {
    private final PlateauMetric metric;
    private final int every;
    private double scoreSum;
    private int scoreCount;

    private PlateauListener(Builder b) {
        this.metric = b.metric;
        this.every = b.every;
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        scoreSum += model.score();
        scoreCount++;
        if (every > 0 && (iteration + 1) % every == 0) {
            observeWindow(model);
        }
    }

    @Override
    public void onEpochEnd(Model model) {
        if (every == 0) {
            observeWindow(model);
        }
    }

    private void observeWindow(Model model) {
        double mean = scoreCount == 0 ? Double.NaN : scoreSum / scoreCount;
        scoreSum = 0;
        scoreCount = 0;
        observe(model, metric.measure(model, mean));
    }

    /**
     * Feeds {@code value} to every plateau schedule on the model's updaters (weights and biases, every layer),
     * as one epoch's {@code scheduler.step(metric)}; returns how many schedules observed it.
     *
     * @throws IllegalStateException if the model has no plateau schedule
     * @throws IllegalArgumentException if {@code value} is not finite
     */
    public static int observe(Model model, double value) {
        LayerSelection layers = ModelSchedules.selection(model);
        // The configured and running layer objects may share updater objects: observe each once.
        Set<IUpdater> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        int observed = 0;
        for (LayerSelection.Entry e : layers.select(null, null)) {
            for (BaseLayer layer : e.layers()) {
                for (IUpdater u : new IUpdater[] {layer.getIUpdater(), layer.getBiasUpdater()}) {
                    if (u != null && seen.add(u) && UpdaterSchedules.learningRate(u) instanceof Schedule s
                            && s.observesMetrics()) {
                        // In place: each updater block's GradientUpdater reads this very object. Layers with
                        // equal schedules stay equal, so DL4J's grouping of the blocks stays valid.
                        u.setLrAndSchedule(Double.NaN, s.observe(value));
                        observed++;
                    }
                }
            }
        }
        if (observed == 0) {
            throw new IllegalStateException("the model has no plateau schedule on any updater");
        }
        return observed;
    }

    /** Assembles a {@link PlateauListener}. */
    public static final class Builder {
        private PlateauMetric metric = PlateauMetric.trainingScore();
        private int every;

        /** The metric to observe; default {@link PlateauMetric#trainingScore()}. */
        public Builder metric(PlateauMetric m) {
            this.metric = Objects.requireNonNull(m, "metric");
            return this;
        }

        /** Observe at the end of every epoch of {@code fit(DataSetIterator)} (the default). */
        public Builder everyEpoch() {
            this.every = 0;
            return this;
        }

        /**
         * Observe after every {@code n}-th iteration (global iteration {@code i} with {@code (i + 1) % n == 0}).
         * The training score averages the iterations since the last observation; a checkpoint taken inside
         * a window does not keep the scores already summed, so resume at a window boundary for an exact run.
         */
        public Builder everyIterations(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("everyIterations: must be >= 1 (got " + n + ")");
            }
            this.every = n;
            return this;
        }

        /** The listener. */
        public PlateauListener build() {
            return new PlateauListener(this);
        }
    }
}
