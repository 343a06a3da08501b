package org.sched4j.dl4j;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** What a {@link PlateauListener} feeds its plateau schedules: the training score or a validation metric. */
@FunctionalInterface
public interface PlateauMetric {
    /**
     * The metric for one observation.
     *
     * @param model the network being trained
     * @param meanScore the mean training score (minibatch loss) of the iterations since the last observation,
     *     NaN if there were none
     */
    double measure(Model model, double meanScore);

    /** The mean training score since the last observation (use with mode {@code min}). */
    static PlateauMetric trainingScore() {
        return (model, meanScore) -> meanScore;
    }

    /** The loss on validation data, averaged over its examples (use with mode {@code min}). */
    static PlateauMetric validationScore(DataSetIterator data) {
        return (model, meanScore) -> {
            data.reset();
            double sum = 0;
            long count = 0;
            while (data.hasNext()) {
                DataSet d = data.next();
                double s = model instanceof MultiLayerNetwork n ? n.score(d) : ((ComputationGraph) model).score(d);
                sum += s * d.numExamples();
                count += d.numExamples();
            }
            if (count == 0) {
                throw new IllegalStateException("validation data: the iterator gave no examples");
            }
            return sum / count;
        };
    }

    /** The classification accuracy on validation data (use with mode {@code max}). */
    static PlateauMetric validationAccuracy(DataSetIterator data) {
        return (model, meanScore) -> {
            data.reset();
            return model instanceof MultiLayerNetwork n ? n.evaluate(data).accuracy()
                    : ((ComputationGraph) model).evaluate(data).accuracy();
        };
    }
}
