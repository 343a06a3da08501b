package org.sched4j.samediff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.sched4j.catalog.Schedules;
import org.sched4j.schedule.Schedule;

/**
 * Runs one schedule graph on the ND4J backend of this build and writes which backend and device that was
 * to {@code target/nd4j-backend.txt} ({@code scripts/gpu-check.sh} prints it). With
 * {@code -Dsched4j.expectBackend=CUDA} the test fails unless the backend is the one expected, so a GPU check
 * cannot pass on the CPU by accident.
 */
class BackendReportTest {
    @Test
    void aGraphRunsOnTheBackendThisBuildChose() throws IOException {
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        String backend = String.valueOf(env.get("backend"));
        StringBuilder report = new StringBuilder("backend: ").append(backend).append('\n')
                .append("nd4j backend class: ").append(Nd4j.getBackend().getClass().getName()).append('\n');
        Object devices = env.get("cuda.devicesInformation");
        if (devices instanceof Iterable<?> list) {
            for (Object device : list) {
                if (device instanceof Map<?, ?> d) {
                    report.append("device: ").append(d.get("cuda.deviceName")).append(" (compute ")
                            .append(d.get("cuda.deviceMajor")).append('.').append(d.get("cuda.deviceMinor"))
                            .append(", ").append(d.get("cuda.totalMemory")).append(" bytes)\n");
                }
            }
        }
        Schedule s = Schedules.warmupCosine(0.01, 500, 9_500, 1e-5);
        SameDiff sd = SameDiff.create();
        GlobalStep step = GlobalStep.create(sd, GlobalStep.NAME, 2_000);
        SDVariable lr = step.valueOf(s, DataType.DOUBLE);
        assertThat(sd.output(Map.of(), lr.name()).get(lr.name()).getDouble(0)).isCloseTo(s.value(2_000),
                within(1e-12));
        report.append("warmup + cosine at step 2000 in the graph: ok\n");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "nd4j-backend.txt"), report);

        String expected = System.getProperty("sched4j.expectBackend");
        if (expected != null && !expected.isBlank()) {
            assertThat(backend).as("the ND4J backend the tests ran on").isEqualToIgnoringCase(expected);
        }
    }
}
