package org.sched4j.dl4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.schedule.ISchedule;
import org.sched4j.schedule.Schedule;
import org.sched4j.schedule.ScheduleTypes;

/**
 * Puts a learning-rate schedule (and a momentum schedule) on the updaters of a DL4J configuration or network,
 * before or after {@code init()}: every layer or chosen ones, weights and biases alike (DL4J's
 * {@code setLearningRate} leaves a separate bias updater alone), each updater with its own schedule instance.
 *
 * <pre>{@code
 * ScheduleWiring.learningRate(Schedules.warmupCosine(0.1, 100, 900, 1e-4)).build().applyTo(net);
 * new ScheduleWiring.Builder().learningRate(lr).momentum(m).layers("dense").biases(false).build().applyTo(graph);
 * }</pre>
 *
 * <p>A schedule that drives momentum (cyclic, one-cycle) also sets the momentum of {@code Nesterovs} updaters
 * to its companion ({@link MomentumCompanion}) unless a momentum schedule is given. An explicit momentum
 * schedule needs a {@code Nesterovs} updater (the only DL4J updater with a momentum schedule). On a network
 * whose updater already exists, the updater is rebuilt with its state kept ({@link UpdaterRefresh}).
 */
public final class ScheduleWiring {
    private final ISchedule learningRate;
    private final ISchedule momentum;
    private final int[] indices;
    private final List<String> names;
    private final boolean weights;
    private final boolean biases;

    private ScheduleWiring(Builder b) {
        this.learningRate = b.learningRate;
        this.momentum = b.momentum;
        this.indices = b.indices;
        this.names = b.names;
        this.weights = b.weights;
        this.biases = b.biases;
    }

    /** A builder starting with the learning-rate schedule. */
    public static Builder learningRate(ISchedule schedule) {
        return new Builder().learningRate(schedule);
    }

    /** A builder starting with a momentum schedule (for {@code Nesterovs} updaters). */
    public static Builder momentum(ISchedule schedule) {
        return new Builder().momentum(schedule);
    }

    /** Applies to a configuration (a network built from it afterwards uses the schedules). */
    public void applyTo(MultiLayerConfiguration conf) {
        apply(LayerSelection.of(conf), "configuration");
    }

    /** Applies to a graph configuration. */
    public void applyTo(ComputationGraphConfiguration conf) {
        apply(LayerSelection.of(conf), "configuration");
    }

    /** Applies to a network, before or after {@code init()}; a live updater is rebuilt keeping its state. */
    public void applyTo(MultiLayerNetwork net) {
        apply(LayerSelection.of(net), "network");
        UpdaterRefresh.refresh(net);
    }

    /** Applies to a graph, before or after {@code init()}; a live updater is rebuilt keeping its state. */
    public void applyTo(ComputationGraph net) {
        apply(LayerSelection.of(net), "graph");
        UpdaterRefresh.refresh(net);
    }

    private void apply(LayerSelection all, String what) {
        List<LayerSelection.Entry> chosen = all.select(indices, names);
        int wired = 0;
        for (LayerSelection.Entry e : chosen) {
            boolean explicit = indices != null || names != null;
            for (BaseLayer layer : e.layers()) {
                if (wire(layer, e.label(), explicit)) {
                    wired++;
                }
            }
        }
        if (wired == 0) {
            throw new IllegalArgumentException("no layer of the " + what + " has an updater that takes "
                    + (learningRate != null ? "a learning rate" : "a momentum schedule"));
        }
    }

    /** Wires one layer configuration; false if it has no updater taking the schedule (only when not named). */
    private boolean wire(BaseLayer layer, String label, boolean explicit) {
        IUpdater w = layer.getIUpdater();
        if (w == null || learningRate != null && !w.hasLearningRate()
                || learningRate == null && !(w instanceof Nesterovs)) {
            if (explicit) {
                throw new IllegalArgumentException("layer " + label + ": its updater "
                        + (w == null ? "is not set" : w.getClass().getSimpleName() + " takes no "
                        + (learningRate != null ? "learning rate" : "momentum schedule")));
            }
            return false;
        }
        if (momentum != null && !(w instanceof Nesterovs)) {
            throw new IllegalArgumentException("layer " + label + ": a momentum schedule needs a Nesterovs "
                    + "updater (got " + w.getClass().getSimpleName() + ")");
        }
        IUpdater b = layer.getBiasUpdater();
        if (b == null && weights != biases) {
            b = w.clone();               // split: the side not wired keeps the current updater
            layer.setBiasUpdater(b);
        }
        if (weights) {
            set(w);
        }
        if (biases && b != null) {
            if (momentum != null && !(b instanceof Nesterovs)) {
                throw new IllegalArgumentException("layer " + label + ": a momentum schedule needs a Nesterovs "
                        + "bias updater (got " + b.getClass().getSimpleName() + ")");
            }
            if (learningRate == null || b.hasLearningRate()) {
                set(b);
            }
        }
        return true;
    }

    private void set(IUpdater u) {
        if (learningRate != null) {
            u.setLrAndSchedule(Double.NaN, own(learningRate));
        }
        if (u instanceof Nesterovs n) {
            if (momentum != null) {
                n.setMomentumISchedule(own(momentum));
            } else if (learningRate instanceof Schedule s && s.hasMomentum()) {
                n.setMomentumISchedule(new MomentumCompanion(own(s)));
            }
        }
    }

    /**
     * A schedule instance of the updater's own (DL4J would share one object across layers): a sched4j
     * schedule is rebuilt from its spec (it is immutable, so this only matters to identity checks), any
     * other {@link ISchedule} is cloned.
     */
    @SuppressWarnings("unchecked")
    static <T extends ISchedule> T own(T s) {
        if (s instanceof Schedule sched) {
            return ScheduleTypes.find(sched.type().name()) == sched.type() ? (T) Schedule.fromSpec(sched.toSpec())
                    : s;
        }
        return (T) s.clone();
    }

    /** Assembles a {@link ScheduleWiring}, DL4J builder style. */
    public static final class Builder {
        private ISchedule learningRate;
        private ISchedule momentum;
        private int[] indices;
        private List<String> names;
        private boolean weights = true;
        private boolean biases = true;

        /** The learning-rate schedule (any {@link ISchedule}; a sched4j {@link Schedule} survives JSON). */
        public Builder learningRate(ISchedule schedule) {
            this.learningRate = Objects.requireNonNull(schedule, "learningRate");
            return this;
        }

        /** A momentum schedule for {@code Nesterovs} updaters (overrides a cyclic schedule's companion). */
        public Builder momentum(ISchedule schedule) {
            this.momentum = Objects.requireNonNull(schedule, "momentum");
            return this;
        }

        /** Only these layers of a {@code MultiLayerNetwork} (by index); default: every layer. */
        public Builder layers(int... layerIndices) {
            if (layerIndices.length == 0) {
                throw new IllegalArgumentException("layers: give at least one index");
            }
            this.indices = layerIndices.clone();
            return this;
        }

        /** Only these layers, by name (a {@code ComputationGraph}'s vertex names, or layer names). */
        public Builder layers(String... layerNames) {
            if (layerNames.length == 0) {
                throw new IllegalArgumentException("layers: give at least one name");
            }
            Set<String> unique = new LinkedHashSet<>(Arrays.asList(layerNames));
            this.names = new ArrayList<>(unique);
            return this;
        }

        /** Whether the weights' updater (every non-bias parameter) gets the schedules; default true. */
        public Builder weights(boolean on) {
            this.weights = on;
            return this;
        }

        /** Whether the bias updater gets the schedules; default true. */
        public Builder biases(boolean on) {
            this.biases = on;
            return this;
        }

        /** The wiring; needs a learning-rate or momentum schedule and weights or biases. */
        public ScheduleWiring build() {
            if (learningRate == null && momentum == null) {
                throw new IllegalStateException("give a learningRate or a momentum schedule");
            }
            if (!weights && !biases) {
                throw new IllegalStateException("weights(false) and biases(false): nothing to wire");
            }
            if (indices != null && names != null) {
                throw new IllegalStateException("choose layers by index or by name, not both");
            }
            return new ScheduleWiring(this);
        }
    }
}
