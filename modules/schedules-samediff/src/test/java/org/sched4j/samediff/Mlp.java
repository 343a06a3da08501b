package org.sched4j.samediff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Test helper: a small MLP (4 -> 8 tanh -> 3, mean squared error) and its minibatches, from fixed seeds. */
final class Mlp {
    static final List<String> PARAMETERS = List.of("w0", "b0", "w1", "b1");

    private Mlp() {
    }

    private static INDArray random(Random r, DataType type, double scale, long... shape) {
        int n = (int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian() * scale;
        }
        return Nd4j.createFromArray(v).reshape(shape).castTo(type);
    }

    /** The model with its initial parameters from {@code seed}; its loss is {@code loss}. */
    static SameDiff model(DataType type, long seed) {
        Random r = new Random(seed);
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("in", type, -1, 4);
        SDVariable label = sd.placeHolder("label", type, -1, 3);
        SDVariable w0 = sd.var("w0", random(r, type, 0.5, 4, 8));
        SDVariable b0 = sd.var("b0", random(r, type, 0.1, 8));
        SDVariable w1 = sd.var("w1", random(r, type, 0.5, 8, 3));
        SDVariable b1 = sd.var("b1", random(r, type, 0.1, 3));
        SDVariable out = sd.math.tanh(in.mmul(w0).add(b0)).mmul(w1).add(b1);
        sd.loss.meanSquaredError("loss", label, out, null);
        sd.setLossVariables("loss");
        return sd;
    }

    /** {@code count} minibatches of 16 examples: labels a fixed smooth function of the inputs. */
    static List<Map<String, INDArray>> batches(DataType type, int count, long seed) {
        Random r = new Random(seed);
        List<Map<String, INDArray>> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            INDArray x = random(r, DataType.DOUBLE, 1.0, 16, 4);
            INDArray y = Nd4j.create(DataType.DOUBLE, 16, 3);
            for (int row = 0; row < 16; row++) {
                double a = x.getDouble(row, 0);
                double b = x.getDouble(row, 1);
                y.putScalar(row, 0, Math.sin(a) + 0.5 * b);
                y.putScalar(row, 1, a * b - x.getDouble(row, 2));
                y.putScalar(row, 2, Math.cos(x.getDouble(row, 3)));
            }
            out.add(Map.of("in", x.castTo(type), "label", y.castTo(type)));
        }
        return out;
    }

    /** A copy of every parameter's current value. */
    static Map<String, INDArray> parameters(SameDiff sd) {
        Map<String, INDArray> out = new java.util.LinkedHashMap<>();
        for (String p : PARAMETERS) {
            out.put(p, sd.getVariable(p).getArr().dup());
        }
        return out;
    }
}
