package org.sched4j.samediff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.sched4j.catalog.Schedules;
import org.sched4j.samediff.optim.GraphTraining;
import org.sched4j.schedule.Schedule;

/**
 * A graph holding schedules, the global step and an in-graph Adam survives {@code sd.save} /
 * {@code SameDiff.load}: the loaded graph gives identical values, and training resumed from it continues
 * exactly as the uninterrupted run.
 */
class SaveAndResumeTest {
    private static final Schedule LR = Schedules.warmupCosine(0.05, 5, 20, 1e-3);

    @Test
    void trainingResumesFromASavedGraphExactly(@TempDir File dir) {
        List<Map<String, INDArray>> batches = Mlp.batches(DataType.FLOAT, 20, 11);
        SameDiff sd = Mlp.model(DataType.FLOAT, 5);
        GraphTraining training = GraphTraining.create(sd, new Adam(LR));
        for (Map<String, INDArray> b : batches.subList(0, 8)) {
            training.step(b);
        }
        File file = new File(dir, "mlp.sd");
        sd.save(file, false);
        SameDiff loaded = SameDiff.load(file, false);

        String lr = training.learningRate().name();
        List<String> names = List.of(lr, "w0/adam/m/updated", "global_step/next", "loss");
        Map<String, INDArray> feed = new java.util.HashMap<>(batches.get(8));
        for (String p : Mlp.PARAMETERS) {
            feed.put(p + GraphTraining.GRADIENT_SUFFIX, sd.getVariable(p).getArr().mul(0.5));
        }
        Map<String, INDArray> before = sd.output(feed, names);
        Map<String, INDArray> after = loaded.output(feed, names);
        for (String name : names) {
            assertThat(after.get(name)).as(name).isEqualTo(before.get(name));
        }

        GraphTraining resumed = GraphTraining.resume(loaded);
        assertThat(resumed.parameters()).containsExactlyInAnyOrderElementsOf(Mlp.PARAMETERS);
        assertThat(resumed.globalStep().get()).isEqualTo(8);
        for (Map<String, INDArray> b : batches.subList(8, 20)) {
            training.step(b);
            resumed.step(b);
        }
        assertThat(resumed.globalStep().get()).isEqualTo(20);
        Map<String, INDArray> original = Mlp.parameters(sd);
        Map<String, INDArray> continued = Mlp.parameters(loaded);
        for (String p : Mlp.PARAMETERS) {
            assertThat(continued.get(p)).as(p).isEqualTo(original.get(p));
        }
    }
}
