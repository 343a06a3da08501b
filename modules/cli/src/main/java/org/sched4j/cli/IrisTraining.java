package org.sched4j.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.sched4j.dl4j.ModelSchedules;
import org.sched4j.dl4j.PlateauListener;
import org.sched4j.dl4j.RateRecorder;
import org.sched4j.dl4j.ScheduleWiring;
import org.sched4j.schedule.Schedule;

/**
 * The MLP that {@code train} and {@code demo} fit to Iris (4-16-3, tanh, softmax, Nesterovs with momentum
 * 0.9 unless the schedule drives momentum) and the epoch loop with its listeners: the rate recorder, the
 * progress bar, and a plateau listener fed the epoch's mean training loss when the schedule is a plateau.
 */
final class IrisTraining {
    /** What a run produced. */
    record Result(RateRecorder recorder, double accuracy) {
    }

    private IrisTraining() {
    }

    static MultiLayerNetwork newNetwork(Schedule lr, long seed) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).weightInit(WeightInit.XAVIER)
                .updater(new Nesterovs(0.1, 0.9)).list()
                .layer(new DenseLayer.Builder().nIn(IrisData.FEATURES).nOut(16).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(16).nOut(IrisData.CLASSES)
                        .activation(Activation.SOFTMAX).build())
                .build();
        ScheduleWiring.learningRate(lr).build().applyTo(conf);
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** Trains {@code epochs} more epochs (batch order from the seed and the global epoch), then evaluates. */
    static Result train(MultiLayerNetwork net, IrisData data, long seed, int batchSize, int epochs, PrintStream err) {
        RateRecorder recorder = new RateRecorder();
        List<TrainingListener> listeners = new ArrayList<>(List.of(recorder,
                new ProgressBar(err, net.getEpochCount(), epochs, data.batchesPerEpoch(batchSize))));
        if (ModelSchedules.hasPlateauSchedule(net)) {
            listeners.add(new PlateauListener.Builder().build());
        }
        net.setListeners(listeners);
        for (int e = 0; e < epochs; e++) {
            net.fit(new ExistingDataSetIterator(data.epoch(seed, net.getEpochCount(), batchSize)));
        }
        net.setListeners(List.of());
        double accuracy = net.evaluate(new ExistingDataSetIterator(List.of(data.test()))).accuracy();
        return new Result(recorder, accuracy);
    }
}
