package org.sched4j.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.NetworkUtils;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;
import org.sched4j.catalog.Schedules;
import org.sched4j.schedule.MomentumStandIn;
import org.sched4j.schedule.Schedule;

/**
 * Every wiring path puts the schedule where DL4J applies it: values are read back from the live updater
 * blocks ({@link AppliedRates}), and once from the actual SGD parameter update.
 */
class WiringTest {
    private static final Schedule LR = Schedules.warmupCosine(0.1, 10, 90, 0.001);
    private static final int[] ITERATIONS = {0, 5, 10, 37, 99, 250};

    private static void assertRates(List<AppliedRate> rates, ISchedule expected, int iteration) {
        for (AppliedRate r : rates) {
            assertThat(r.learningRate()).as("%s/%s at %d", r.layer(), r.param(), iteration)
                    .isEqualTo(expected.valueAt(iteration, 0));
        }
    }

    private static void assertEveryParameter(org.deeplearning4j.nn.api.Model net, ISchedule expected) {
        for (int it : ITERATIONS) {
            List<AppliedRate> rates = AppliedRates.at(net, it, 0);
            assertThat(rates).hasSize(4);
            assertRates(rates, expected, it);
        }
    }

    @Test
    void everyLayerOfAConfigurationBeforeInit() {
        MultiLayerConfiguration conf = TestNets.mlpConf(new Adam(1e-3));
        ScheduleWiring.learningRate(LR).build().applyTo(conf);
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        assertEveryParameter(net, LR);
    }

    @Test
    void aNetworkBeforeAndAfterInit() {
        MultiLayerNetwork before = new MultiLayerNetwork(TestNets.mlpConf(new Adam(1e-3)));
        ScheduleWiring.learningRate(LR).build().applyTo(before);
        before.init();
        assertEveryParameter(before, LR);

        MultiLayerNetwork after = TestNets.mlp(new Adam(1e-3));
        assertThat(AppliedRates.at(after, 3, 0).get(0).learningRate()).isEqualTo(1e-3);
        ScheduleWiring.learningRate(LR).build().applyTo(after);
        assertEveryParameter(after, LR);
    }

    @Test
    void rewiringATrainedNetworkKeepsTheUpdaterState() {
        MultiLayerNetwork net = TestNets.mlp(new Adam(1e-3));
        DataSet d = TestNets.data(8, 1);
        for (int i = 0; i < 3; i++) {
            net.fit(d);
        }
        INDArray state = net.getUpdater().getStateViewArray().dup();
        assertThat(state.sumNumber().doubleValue()).isNotZero();
        // layer 1 only: the single Adam block of both layers must split in two, the moments moved with it
        ScheduleWiring.learningRate(LR).layers(1).build().applyTo(net);
        assertThat(((org.deeplearning4j.nn.updater.BaseMultiLayerUpdater<?>) net.getUpdater()).getUpdaterBlocks())
                .hasSize(2);
        INDArray moved = net.getUpdater().getStateViewArray();
        // Adam's state per block is [m of its params, v of its params]: block 0 = layer 0 (W 20, b 5), block 1 =
        // layer 1 (W 15, b 3); before, one block [m all 43, v all 43]
        assertThat(moved.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 25)))
                .isEqualTo(state.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                        org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 25)));
        assertThat(moved.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(25, 50)))
                .isEqualTo(state.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                        org.nd4j.linalg.indexing.NDArrayIndex.interval(43, 68)));
        assertThat(moved.sumNumber().doubleValue()).isEqualTo(state.sumNumber().doubleValue(),
                org.assertj.core.data.Offset.offset(1e-12));
        for (AppliedRate r : AppliedRates.at(net, 40, 0)) {
            assertThat(r.learningRate()).isEqualTo(r.layer().equals("1") ? LR.valueAt(40, 0) : 1e-3);
        }
        net.fit(d);
    }

    @Test
    void perLayerByIndexSplitsTheSharedUpdaterBlock() {
        MultiLayerNetwork net = TestNets.mlp(new Adam(1e-3));
        Schedule other = Schedules.step(0.05, 7, 0.5);
        ScheduleWiring.learningRate(LR).layers(0).build().applyTo(net);
        ScheduleWiring.learningRate(other).layers(1).build().applyTo(net);
        for (int it : ITERATIONS) {
            for (AppliedRate r : AppliedRates.at(net, it, 0)) {
                assertThat(r.learningRate()).isEqualTo((r.layer().equals("0") ? LR : other).valueAt(it, 0));
            }
        }
        assertThatThrownBy(() -> ScheduleWiring.learningRate(LR).layers(2).build().applyTo(net))
                .hasMessageContaining("index 2 is out of range");
        assertThatThrownBy(() -> ScheduleWiring.learningRate(LR).layers("hidden").build().applyTo(net))
                .hasMessageContaining("no layer with parameters is named 'hidden'");
    }

    @Test
    void eachLayerHasItsOwnScheduleInstance() {
        MultiLayerConfiguration conf = TestNets.mlpConf(new Adam(1e-3));
        ScheduleWiring.learningRate(LR).build().applyTo(conf);
        Adam a0 = (Adam) ((BaseLayer) conf.getConf(0).getLayer()).getIUpdater();
        Adam a1 = (Adam) ((BaseLayer) conf.getConf(1).getLayer()).getIUpdater();
        assertThat(a0.getLearningRateSchedule()).isEqualTo(LR).isNotSameAs(LR)
                .isNotSameAs(a1.getLearningRateSchedule());
    }

    @Test
    void graphLayersByName() {
        ComputationGraph g = TestNets.graph(new Adam(1e-3));
        ScheduleWiring.learningRate(LR).layers("out").build().applyTo(g);
        for (int it : ITERATIONS) {
            List<AppliedRate> rates = AppliedRates.at(g, it, 0);
            assertThat(rates).extracting(AppliedRate::layer).containsExactly("hidden", "hidden", "out", "out");
            for (AppliedRate r : rates) {
                assertThat(r.learningRate()).isEqualTo(r.layer().equals("out") ? LR.valueAt(it, 0) : 1e-3);
            }
        }
        ComputationGraph all = TestNets.graph(new Adam(1e-3));
        ScheduleWiring.learningRate(LR).build().applyTo(all);
        assertEveryParameter(all, LR);
        ComputationGraph fromConf = new ComputationGraph(TestNets.graphConf(new Adam(1e-3)));
        ScheduleWiring.learningRate(LR).build().applyTo(fromConf.getConfiguration());
        fromConf.init();
        assertEveryParameter(fromConf, LR);
        assertThatThrownBy(() -> ScheduleWiring.learningRate(LR).layers(0).build().applyTo(g))
                .hasMessageContaining("chosen by name");
    }

    @Test
    void biasUpdatersGetTheScheduleWhereDl4jLeavesThemAlone() {
        MultiLayerNetwork dl4j = new MultiLayerNetwork(TestNets.mlpConf(TestNets.base(new Adam(1e-3))
                .biasUpdater(new Sgd(0.5))));
        dl4j.init();
        NetworkUtils.setLearningRate(dl4j, LR);
        assertThat(AppliedRates.of(dl4j, "0", "W", 37, 0).learningRate()).isEqualTo(LR.valueAt(37, 0));
        assertThat(AppliedRates.of(dl4j, "0", "b", 37, 0).learningRate()).isEqualTo(0.5);   // the gap

        MultiLayerNetwork ours = new MultiLayerNetwork(TestNets.mlpConf(TestNets.base(new Adam(1e-3))
                .biasUpdater(new Sgd(0.5))));
        ours.init();
        ScheduleWiring.learningRate(LR).build().applyTo(ours);
        assertEveryParameter(ours, LR);
    }

    @Test
    void weightsOrBiasesAlone() {
        MultiLayerNetwork biasesOnly = TestNets.mlp(new Adam(1e-3));
        ScheduleWiring.learningRate(LR).weights(false).build().applyTo(biasesOnly);
        MultiLayerNetwork weightsOnly = TestNets.mlp(new Adam(1e-3));
        ScheduleWiring.learningRate(LR).biases(false).build().applyTo(weightsOnly);
        for (int it : ITERATIONS) {
            for (AppliedRate r : AppliedRates.at(biasesOnly, it, 0)) {
                assertThat(r.learningRate()).isEqualTo(r.param().equals("b") ? LR.valueAt(it, 0) : 1e-3);
            }
            for (AppliedRate r : AppliedRates.at(weightsOnly, it, 0)) {
                assertThat(r.learningRate()).isEqualTo(r.param().equals("W") ? LR.valueAt(it, 0) : 1e-3);
            }
        }
    }

    @Test
    void nesterovsMomentumSchedule() {
        Schedule momentum = Schedules.linearWarmup(0.5, 0.9, 20);
        MultiLayerNetwork net = TestNets.mlp(new Nesterovs(0.01, 0.9));
        new ScheduleWiring.Builder().learningRate(LR).momentum(momentum).build().applyTo(net);
        for (int it : ITERATIONS) {
            for (AppliedRate r : AppliedRates.at(net, it, 0)) {
                assertThat(r.learningRate()).isEqualTo(LR.valueAt(it, 0));
                assertThat(r.momentum()).isEqualTo(momentum.valueAt(it, 0));
            }
        }
        // momentum alone, on one layer
        MultiLayerNetwork one = TestNets.mlp(new Nesterovs(0.01, 0.9));
        ScheduleWiring.momentum(momentum).layers(1).build().applyTo(one);
        for (AppliedRate r : AppliedRates.at(one, 10, 0)) {
            assertThat(r.learningRate()).isEqualTo(0.01);
            assertThat(r.momentum()).isEqualTo(r.layer().equals("1") ? momentum.valueAt(10, 0) : 0.9);
        }
        assertThatThrownBy(() -> ScheduleWiring.momentum(momentum).build().applyTo(TestNets.mlp(new Adam(0.1))))
                .hasMessageContaining("momentum schedule");
    }

    @Test
    void theMomentumCompanionOfACyclicSchedule() {
        Schedule sawtooth = MomentumStandIn.sawtooth();
        MultiLayerNetwork net = TestNets.mlp(new Nesterovs(0.01, 0.9));
        ScheduleWiring.learningRate(sawtooth).build().applyTo(net);
        for (int it : new int[] {0, 3, 9, 10, 14, 99}) {
            int phase = it % 10;
            for (AppliedRate r : AppliedRates.at(net, it, 0)) {
                assertThat(r.learningRate()).isCloseTo(0.01 * (1 + phase), org.assertj.core.data.Offset.offset(1e-15));
                assertThat(r.momentum()).isCloseTo(0.95 - 0.01 * phase, org.assertj.core.data.Offset.offset(1e-15));
            }
        }
        // Adam has no momentum schedule: it takes the learning rate only
        MultiLayerNetwork adam = TestNets.mlp(new Adam(1e-3));
        ScheduleWiring.learningRate(sawtooth).build().applyTo(adam);
        assertThat(AppliedRates.at(adam, 4, 0)).allSatisfy(r -> {
            assertThat(r.learningRate()).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-15));
            assertThat(r.hasMomentum()).isFalse();
        });
    }

    @Test
    void theSgdParameterUpdateUsesTheScheduledRate() {
        MultiLayerNetwork net = TestNets.mlp(new Sgd(1.0));
        ScheduleWiring.learningRate(LR).build().applyTo(net);
        DataSet one = TestNets.data(1, 3);
        for (int it = 0; it < 14; it++) {
            INDArray before = net.params().dup();
            net.setInput(one.getFeatures());
            net.setLabels(one.getLabels());
            net.computeGradientAndScore();
            INDArray grad = net.gradient().gradient().dup();
            net.fit(one);
            INDArray step = before.sub(net.params());
            double lr = LR.valueAt(it, 0);
            for (int i = 0; i < grad.length(); i++) {
                double g = grad.getDouble(i);
                if (Math.abs(g) > 1e-9) {
                    assertThat(step.getDouble(i) / g).as("iteration %d, param %d", it, i)
                            .isCloseTo(lr, org.assertj.core.data.Percentage.withPercentage(1e-6));
                }
            }
        }
    }

    @Test
    void misuseIsReported() {
        assertThatThrownBy(() -> new ScheduleWiring.Builder().build()).hasMessageContaining("learningRate");
        assertThatThrownBy(() -> ScheduleWiring.learningRate(LR).weights(false).biases(false).build())
                .hasMessageContaining("nothing to wire");
        assertThatThrownBy(() -> ScheduleWiring.learningRate(LR).build()
                .applyTo(TestNets.mlp(new org.nd4j.linalg.learning.config.AdaDelta())))
                .hasMessageContaining("no layer");
    }
}
