package org.sched4j.samediff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.sched4j.catalog.Schedules;
import org.sched4j.samediff.optim.GraphTraining;
import org.sched4j.schedule.Schedule;

/**
 * The in-graph optimizer step against DL4J's host updater: the same SameDiff MLP, from the same initial
 * parameters, trained 50 steps on the same minibatches once by {@code sd.fit} with a {@link TrainingConfig}
 * (the host updater reads the schedule through {@code ISchedule.valueAt}) and once by {@link GraphTraining}
 * (the schedule and the update are graph ops). Both compute the same loss gradients with the same ops, so
 * any difference is the updater's.
 */
class GraphTrainingTest {
    private static final int STEPS = 50;
    /** Warmup from 0 (DL4J's Adam then steps by epsilon) to 0.05 over 10 steps, cosine down to 1e-3 by 40. */
    private static final Schedule LR = Schedules.warmupCosine(0.05, 10, 30, 1e-3);

    private static Map<String, INDArray> hostTraining(IUpdater updater, DataType type,
            List<Map<String, INDArray>> batches) {
        SameDiff sd = Mlp.model(type, 42);
        sd.setTrainingConfig(TrainingConfig.builder().updater(updater).dataSetFeatureMapping("in")
                .dataSetLabelMapping("label").build());
        for (Map<String, INDArray> b : batches) {
            sd.fit(new DataSet(b.get("in"), b.get("label")));
        }
        return Mlp.parameters(sd);
    }

    private static GraphTraining graphTraining(IUpdater updater, DataType type, List<Map<String, INDArray>> batches) {
        SameDiff sd = Mlp.model(type, 42);
        GraphTraining training = GraphTraining.create(sd, updater);
        assertThat(training.parameters()).containsExactlyInAnyOrderElementsOf(Mlp.PARAMETERS);
        for (Map<String, INDArray> b : batches) {
            training.step(b);
        }
        return training;
    }

    private static void sameTraining(IUpdater host, IUpdater graph, DataType type, double tolerance) {
        List<Map<String, INDArray>> batches = Mlp.batches(type, STEPS, 7);
        Map<String, INDArray> initial = Mlp.parameters(Mlp.model(type, 42));
        Map<String, INDArray> expected = hostTraining(host, type, batches);
        GraphTraining training = graphTraining(graph, type, batches);
        SameDiff sd = training.globalStep().variable().getSameDiff();
        Map<String, INDArray> actual = Mlp.parameters(sd);
        double moved = 0;
        for (String p : Mlp.PARAMETERS) {
            double diff = Transforms.abs(actual.get(p).sub(expected.get(p))).maxNumber().doubleValue();
            assertThat(diff).as(p + " after " + STEPS + " steps").isLessThanOrEqualTo(tolerance);
            moved = Math.max(moved, Transforms.abs(actual.get(p).sub(initial.get(p))).maxNumber().doubleValue());
        }
        assertThat(moved).as("training moved the parameters").isGreaterThan(0.05);
        assertThat(training.globalStep().get()).isEqualTo(STEPS);
    }

    @Test
    void adamMatchesTheHostUpdaterInDouble() {
        sameTraining(new Adam(LR), new Adam(LR), DataType.DOUBLE, 1e-5);
    }

    @Test
    void adamMatchesTheHostUpdaterInFloat() {
        sameTraining(new Adam(LR), new Adam(LR), DataType.FLOAT, 1e-5);
    }

    @Test
    void nesterovsWithScheduledMomentumMatchesTheHostUpdater() {
        Schedule momentum = Schedules.linearWarmup(0.8, 0.95, 30);
        sameTraining(new Nesterovs(LR, momentum), new Nesterovs(LR, momentum), DataType.DOUBLE, 1e-5);
    }

    @Test
    void sgdMatchesTheHostUpdater() {
        Schedule lr = Schedules.step(0.2, 15, 0.5);
        sameTraining(new Sgd(lr), new Sgd(lr), DataType.DOUBLE, 1e-5);
    }

    @Test
    void theLearningRateIsAGraphValueOfTheGlobalStep() {
        List<Map<String, INDArray>> batches = Mlp.batches(DataType.FLOAT, 12, 3);
        GraphTraining training = graphTraining(new Adam(LR), DataType.FLOAT, batches);
        SameDiff sd = training.globalStep().variable().getSameDiff();
        String lr = training.learningRate().name();
        assertThat(lr).isEqualTo("adam/learning_rate");
        assertThat(sd.output(Map.of(), lr).get(lr).getDouble(0)).isCloseTo(LR.value(12), within(1e-9));
        training.globalStep().set(25);
        assertThat(sd.output(Map.of(), lr).get(lr).getDouble(0)).isCloseTo(LR.value(25), within(1e-9));
    }

    /**
     * SameDiff 1.0.0-M2.1's cached inference sessions grow with every call (about 28 KB of heap per step of
     * this MLP, found by the benchmarks); a step leaves none behind, in the graph or its gradient function.
     */
    @Test
    void aStepLeavesNoCachedSessionBehind() {
        SameDiff sd = Mlp.model(DataType.FLOAT, 42);
        GraphTraining training = GraphTraining.create(sd, new Adam(LR));
        for (Map<String, INDArray> b : Mlp.batches(DataType.FLOAT, 3, 7)) {
            training.step(b);
            assertThat(sd.getSessions()).isEmpty();
            assertThat(sd.getFunction("grad").getSessions()).isEmpty();
        }
    }
}
