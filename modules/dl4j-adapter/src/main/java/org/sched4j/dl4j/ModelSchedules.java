package org.sched4j.dl4j;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;
import org.sched4j.schedule.Schedule;

/** Reads the schedules a network's layer configurations hold (after a restore, for instance). */
public final class ModelSchedules {
    private ModelSchedules() {
    }

    /**
     * The learning-rate schedule of a layer's weights updater (index for a {@code MultiLayerNetwork}, vertex
     * name for a {@code ComputationGraph}), or null when the rate is fixed.
     */
    public static ISchedule learningRate(Model model, String layer) {
        for (LayerSelection.Entry e : selection(model).select(null, null)) {
            if (e.name() != null && e.name().equals(layer) || String.valueOf(e.index()).equals(layer)) {
                return UpdaterSchedules.learningRate(e.layers().get(0).getIUpdater());
            }
        }
        throw new IllegalArgumentException("layer: no layer with parameters is called '" + layer + "'");
    }

    /** Whether any updater of the model holds a plateau schedule (then a {@link PlateauListener} must feed it). */
    public static boolean hasPlateauSchedule(Model model) {
        for (LayerSelection.Entry e : selection(model).select(null, null)) {
            for (BaseLayer l : e.layers()) {
                for (IUpdater u : new IUpdater[] {l.getIUpdater(), l.getBiasUpdater()}) {
                    if (UpdaterSchedules.learningRate(u) instanceof Schedule s && s.observesMetrics()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static LayerSelection selection(Model model) {
        if (model instanceof MultiLayerNetwork n) {
            return LayerSelection.of(n);
        }
        if (model instanceof ComputationGraph g) {
            return LayerSelection.of(g);
        }
        throw new IllegalArgumentException("model: a MultiLayerNetwork or ComputationGraph (got "
                + model.getClass().getSimpleName() + ")");
    }
}
