package org.sched4j.dl4j;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Small networks and data for the adapter tests: a 4-5-3 MLP (also as a graph) in double precision. */
final class TestNets {
    private TestNets() {
    }

    static NeuralNetConfiguration.Builder base(IUpdater updater) {
        return new NeuralNetConfiguration.Builder().seed(7).dataType(DataType.DOUBLE).updater(updater);
    }

    static MultiLayerConfiguration mlpConf(NeuralNetConfiguration.Builder b) {
        return b.list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(5).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(5).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .build();
    }

    static MultiLayerConfiguration mlpConf(IUpdater updater) {
        return mlpConf(base(updater));
    }

    static MultiLayerNetwork mlp(IUpdater updater) {
        MultiLayerNetwork net = new MultiLayerNetwork(mlpConf(updater));
        net.init();
        return net;
    }

    static ComputationGraphConfiguration graphConf(IUpdater updater) {
        return base(updater).graphBuilder().addInputs("in")
                .addLayer("hidden", new DenseLayer.Builder().nIn(4).nOut(5).activation(Activation.TANH).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(5).nOut(3)
                        .activation(Activation.SOFTMAX).build(), "hidden")
                .setOutputs("out").build();
    }

    static ComputationGraph graph(IUpdater updater) {
        ComputationGraph g = new ComputationGraph(graphConf(updater));
        g.init();
        return g;
    }

    /** {@code n} examples of 4 features and a one-hot label of 3 classes, fixed by {@code seed}. */
    static DataSet data(int n, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.rand(DataType.DOUBLE, n, 4).subi(0.5);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, n, 3);
        for (int i = 0; i < n; i++) {
            y.putScalar(i, (int) Math.floorMod((long) (x.getDouble(i, 0) * 10 + x.getDouble(i, 1) * 7), 3L), 1.0);
        }
        return new DataSet(x, y);
    }

    /** One epoch's minibatches of {@code data} in a fixed order. */
    static DataSetIterator batches(DataSet data, int batchSize) {
        List<DataSet> list = new ArrayList<>(data.asList());
        return new ListDataSetIterator<>(list, batchSize);
    }
}
