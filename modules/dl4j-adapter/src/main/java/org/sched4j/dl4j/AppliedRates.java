package org.sched4j.dl4j;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.api.Trainable;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;

/**
 * Reads the learning rate and momentum every parameter gets from a network's live updater: the
 * configuration each updater block's {@code GradientUpdater} actually uses, not the layer configurations.
 */
public final class AppliedRates {
    private AppliedRates() {
    }

    /** What each parameter gets at {@code iteration} and {@code epoch}, in parameter order. */
    public static List<AppliedRate> at(Model model, int iteration, int epoch) {
        List<AppliedRate> out = new ArrayList<>();
        for (UpdaterBlock block : updater(model).getUpdaterBlocks()) {
            IUpdater config = block.getGradientUpdater().getConfig();
            double lr = config.hasLearningRate() ? config.getLearningRate(iteration, epoch) : Double.NaN;
            double momentum = config instanceof Nesterovs n ? n.currentMomentum(iteration, epoch) : Double.NaN;
            for (UpdaterBlock.ParamState p : block.getLayersAndVariablesInBlock()) {
                out.add(new AppliedRate(layerLabel(p.getLayer()), p.getParamName(), lr, momentum));
            }
        }
        return out;
    }

    /** What each parameter gets at the model's next iteration (its current iteration and epoch counts). */
    public static List<AppliedRate> next(Model model) {
        return at(model, iterationCount(model), epochCount(model));
    }

    /** The rate of one parameter at {@code iteration} and {@code epoch}. */
    public static AppliedRate of(Model model, String layer, String param, int iteration, int epoch) {
        for (AppliedRate r : at(model, iteration, epoch)) {
            if (r.layer().equals(layer) && r.param().equals(param)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no parameter " + layer + "/" + param + " in the model's updater");
    }

    /** The model's iteration count (the iteration its next update uses). */
    public static int iterationCount(Model model) {
        if (model instanceof MultiLayerNetwork n) {
            return n.getIterationCount();
        }
        return graph(model).getIterationCount();
    }

    /** The model's epoch count. */
    public static int epochCount(Model model) {
        if (model instanceof MultiLayerNetwork n) {
            return n.getEpochCount();
        }
        return graph(model).getEpochCount();
    }

    private static BaseMultiLayerUpdater<?> updater(Model model) {
        if (model instanceof MultiLayerNetwork n) {
            return (BaseMultiLayerUpdater<?>) n.getUpdater(true);
        }
        return graph(model).getUpdater(true);
    }

    private static ComputationGraph graph(Model model) {
        if (model instanceof ComputationGraph g) {
            return g;
        }
        throw new IllegalArgumentException("model: a MultiLayerNetwork or ComputationGraph (got "
                + model.getClass().getSimpleName() + ")");
    }

    static String layerLabel(Trainable t) {
        if (t instanceof GraphVertex v) {
            return v.getVertexName();
        }
        if (t instanceof Layer l) {
            return String.valueOf(l.getIndex());
        }
        return t.getConfig().getLayerName();
    }
}
