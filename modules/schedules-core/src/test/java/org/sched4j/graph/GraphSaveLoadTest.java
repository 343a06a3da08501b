package org.sched4j.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sched4j.schedule.Schedule;

/** A graph holding every schedule survives {@code sd.save} / {@code SameDiff.load} and gives identical values. */
class GraphSaveLoadTest {
    private static final long[] STEPS = {0, 1, 17, 499, 500, 4_321, 10_000, (1L << 24) + 1, Integer.MAX_VALUE,
        1L << 40};

    @Test
    void everyScheduleSurvivesSaveAndLoad(@TempDir File dir) {
        SameDiff sd = SameDiff.create();
        SDVariable vector = sd.placeHolder("step", DataType.INT64, -1);
        SDVariable scalar = sd.var("global_step", Nd4j.scalar(123_456L));
        List<String> outputs = new ArrayList<>();
        for (String j : AgreementSpecs.stepFunctions()) {
            Schedule s = Schedule.parse(j);
            outputs.add(s.toGraph(sd, vector, DataType.DOUBLE).name());
            outputs.add(s.toGraph(sd, vector, DataType.FLOAT).name());
            outputs.add(s.toGraph(sd, scalar, DataType.FLOAT).name());
        }
        Map<String, INDArray> feed = Map.of("step", Nd4j.createFromArray(STEPS));
        Map<String, INDArray> before = sd.output(feed, outputs);

        File file = new File(dir, "schedules.sd");
        sd.save(file, false);
        SameDiff loaded = SameDiff.load(file, false);
        Map<String, INDArray> after = loaded.output(feed, outputs);

        assertThat(loaded.ops()).hasSameSizeAs(sd.ops());
        for (String name : outputs) {
            assertThat(after.get(name)).as(name).isEqualTo(before.get(name));
            assertThat(after.get(name).dataType()).isEqualTo(before.get(name).dataType());
        }
    }
}
