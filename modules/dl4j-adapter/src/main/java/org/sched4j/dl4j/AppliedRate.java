package org.sched4j.dl4j;

/**
 * The learning rate and momentum one parameter of a network gets at an iteration, as its updater block's
 * {@code GradientUpdater} computes them.
 *
 * @param layer the layer: its index in a {@code MultiLayerNetwork}, its vertex name in a {@code ComputationGraph}
 * @param param the parameter name ({@code W}, {@code b}, ...)
 * @param learningRate the learning rate applied
 * @param momentum the momentum applied ({@code Nesterovs}), or NaN for an updater without momentum
 */
public record AppliedRate(String layer, String param, double learningRate, double momentum) {
    /** Whether the updater has a momentum. */
    public boolean hasMomentum() {
        return !Double.isNaN(momentum);
    }
}
