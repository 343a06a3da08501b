package org.sched4j.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fisher's Iris data (150 flowers, 4 measurements, 3 species), shipped with the CLI because DL4J 1.0.0-M2.1's
 * {@code IrisDataSetIterator} downloads it at run time. Every fifth flower of each species is held out for
 * testing (120 train, 30 test); features are standardized with the training split's mean and deviation.
 * Minibatch order depends only on the seed and the epoch, so a resumed run sees the same batches.
 */
final class IrisData {
    static final int FEATURES = 4;
    static final int CLASSES = 3;

    private final DataSet train;
    private final DataSet test;

    private IrisData(DataSet train, DataSet test) {
        this.train = train;
        this.test = test;
    }

    static IrisData load() {
        List<double[]> rows = new ArrayList<>();
        try (InputStream in = IrisData.class.getResourceAsStream("iris.csv")) {
            if (in == null) {
                throw new IllegalStateException("iris.csv is missing from the CLI's resources");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            r.readLine();   // header
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    String[] p = line.split(",");
                    rows.add(new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1]),
                            Double.parseDouble(p[2]), Double.parseDouble(p[3]), Double.parseDouble(p[4])});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<double[]> train = new ArrayList<>();
        List<double[]> test = new ArrayList<>();
        int[] seen = new int[CLASSES];
        for (double[] row : rows) {
            int c = (int) row[FEATURES];
            (seen[c]++ % 5 == 4 ? test : train).add(row);
        }
        double[] mean = new double[FEATURES];
        double[] sd = new double[FEATURES];
        for (int f = 0; f < FEATURES; f++) {
            for (double[] row : train) {
                mean[f] += row[f] / train.size();
            }
            for (double[] row : train) {
                sd[f] += (row[f] - mean[f]) * (row[f] - mean[f]) / train.size();
            }
            sd[f] = Math.sqrt(sd[f]);
        }
        return new IrisData(toDataSet(train, mean, sd), toDataSet(test, mean, sd));
    }

    private static DataSet toDataSet(List<double[]> rows, double[] mean, double[] sd) {
        INDArray x = Nd4j.create(DataType.FLOAT, rows.size(), FEATURES);
        INDArray y = Nd4j.zeros(DataType.FLOAT, rows.size(), CLASSES);
        for (int i = 0; i < rows.size(); i++) {
            for (int f = 0; f < FEATURES; f++) {
                x.putScalar(i, f, (rows.get(i)[f] - mean[f]) / sd[f]);
            }
            y.putScalar(i, (int) rows.get(i)[FEATURES], 1.0);
        }
        return new DataSet(x, y);
    }

    int trainSize() {
        return train.numExamples();
    }

    DataSet test() {
        return test;
    }

    /** Minibatches per epoch at {@code batchSize} (the last one may be smaller). */
    int batchesPerEpoch(int batchSize) {
        return (trainSize() + batchSize - 1) / batchSize;
    }

    /** The training split shuffled for {@code epoch} by {@code seed}, cut into minibatches. */
    List<DataSet> epoch(long seed, int epoch, int batchSize) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < trainSize(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed * 1_000_003L + epoch));
        List<DataSet> out = new ArrayList<>();
        for (int start = 0; start < order.size(); start += batchSize) {
            int[] rows = order.subList(start, Math.min(start + batchSize, order.size())).stream()
                    .mapToInt(Integer::intValue).toArray();
            out.add(new DataSet(train.getFeatures().getRows(rows), train.getLabels().getRows(rows)));
        }
        return out;
    }
}
