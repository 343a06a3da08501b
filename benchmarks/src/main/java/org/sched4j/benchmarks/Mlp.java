package org.sched4j.benchmarks;

import java.util.Map;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The small SameDiff MLP of the graph benchmark (4 inputs, one tanh hidden layer, 3 outputs, squared error). */
final class Mlp {
    private Mlp() {
    }

    private static INDArray gaussian(Random r, double scale, long... shape) {
        int n = (int) (shape[0] * (shape.length > 1 ? shape[1] : 1));
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextGaussian() * scale);
        }
        return Nd4j.createFromArray(v).reshape(shape);
    }

    /** The model with parameters drawn from {@code seed}; its loss variable is {@code loss}. */
    static SameDiff model(int batch, int hidden, long seed) {
        Random r = new Random(seed);
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("in", DataType.FLOAT, batch, 4);
        SDVariable label = sd.placeHolder("label", DataType.FLOAT, batch, 3);
        SDVariable w0 = sd.var("w0", gaussian(r, 0.5, 4, hidden));
        SDVariable b0 = sd.var("b0", gaussian(r, 0.1, hidden));
        SDVariable w1 = sd.var("w1", gaussian(r, 0.5, hidden, 3));
        SDVariable b1 = sd.var("b1", gaussian(r, 0.1, 3));
        SDVariable out = sd.math.tanh(in.mmul(w0).add(b0)).mmul(w1).add(b1);
        sd.loss.meanSquaredError("loss", label, out, null);
        sd.setLossVariables("loss");
        return sd;
    }

    /** One minibatch of {@code batch} examples drawn from {@code seed}. */
    static Map<String, INDArray> batch(int batch, long seed) {
        Random r = new Random(seed);
        return Map.of("in", gaussian(r, 1.0, batch, 4), "label", gaussian(r, 1.0, batch, 3));
    }
}
