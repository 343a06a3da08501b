package org.sched4j.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.sched4j.catalog.Schedules;
import org.sched4j.dialect.torch.Torch;
import org.sched4j.schedule.Schedule;
import org.sched4j.schedule.Unit;

/** A DL4J configuration holding sched4j schedules survives toJson / fromJson with equal schedules. */
class ConfigurationJsonTest {
    private static final List<Schedule> SCHEDULES = List.of(
            Schedules.warmupCosine(0.01, 100, 900, 1e-5),
            Schedules.multiStep(0.1, 0.5, 30, 30, 80).withUnit(Unit.EPOCH),
            Schedules.piecewise(new long[] {10, 20}, new double[] {0.1, 0.01, 0.001}),
            Torch.sequentialLR(0.1, List.of(Torch.linearLR(0.1, 0.2, 1.0, 5), Torch.cosineAnnealingLR(0.1, 20, 0.0)), 5));

    private static MultiLayerConfiguration mlp(IUpdater updater) {
        return new NeuralNetConfiguration.Builder().seed(1).updater(updater).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(5).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(5).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .build();
    }

    @Test
    void multiLayerConfigurationRoundTripsEverySchedule() {
        for (Schedule s : SCHEDULES) {
            MultiLayerConfiguration conf = mlp(new Adam(s));
            String json = conf.toJson();
            assertThat(json).contains("org.sched4j.schedule.Schedule").contains("\"spec\"");
            MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(json);
            assertThat(back).isEqualTo(conf);
            Adam adam = (Adam) ((BaseLayer) back.getConf(0).getLayer()).getIUpdater();
            assertThat(adam.getLearningRateSchedule()).isEqualTo(s);
            assertThat(adam.getLearningRateSchedule().valueAt(7, 3)).isEqualTo(s.valueAt(7, 3));
        }
    }

    @Test
    void momentumScheduleOnNesterovsRoundTrips() {
        Schedule lr = Schedules.cosine(0.1, 0.001, 500);
        Schedule momentum = Schedules.linearWarmup(0.85, 0.95, 100);
        MultiLayerConfiguration conf = mlp(new Nesterovs(lr, momentum));
        Nesterovs back = (Nesterovs) ((BaseLayer) MultiLayerConfiguration.fromJson(conf.toJson()).getConf(1)
                .getLayer()).getIUpdater();
        assertThat(back.getLearningRateSchedule()).isEqualTo(lr);
        assertThat(back.getMomentumISchedule()).isEqualTo(momentum);
    }

    @Test
    void computationGraphConfigurationRoundTrips() {
        Schedule s = SCHEDULES.get(0);
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().updater(new Adam(s))
                .graphBuilder().addInputs("in")
                .addLayer("hidden", new DenseLayer.Builder().nIn(4).nOut(5).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(5).nOut(3)
                        .activation(Activation.SOFTMAX).build(), "hidden")
                .setOutputs("out").build();
        ComputationGraphConfiguration back = ComputationGraphConfiguration.fromJson(conf.toJson());
        assertThat(back).isEqualTo(conf);
        Adam adam = (Adam) ((BaseLayer) ((org.deeplearning4j.nn.conf.graph.LayerVertex) back.getVertices()
                .get("hidden")).getLayerConf().getLayer()).getIUpdater();
        assertThat(adam.getLearningRateSchedule()).isEqualTo(s);
    }
}
