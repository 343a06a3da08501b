package org.sched4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo} trains and reports what it promises, {@code plot} draws several schedules; both write PNGs. */
class DemoAndPlotTest {
    @Test
    void demoTrainsIrisAndWritesTheCharts(@TempDir Path dir) throws IOException {
        EvalContractTest.Run r = EvalContractTest.run("demo", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        // warmup 0 -> 0.1 over 36 steps: step 18 is 0.05
        assertThat(r.out()).contains("    18  0.05 ").contains("largest difference between evaluators");
        assertThat(r.out()).contains("learning rate DL4J applied equals the schedule at 360 of 360 iterations");
        String accuracy = r.out().lines().filter(l -> l.startsWith("accuracy: ")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(accuracy.substring(10))).isGreaterThanOrEqualTo(0.9);
        assertThat(r.err()).contains("epoch 30/30 [").contains("100%");
        for (String png : new String[] {"schedule.png", "learning_rate.png", "loss.png"}) {
            assertThat(r.out()).contains("chart: " + dir.resolve(png));
            BufferedImage image = ImageIO.read(dir.resolve(png).toFile());
            assertThat(image.getWidth()).isEqualTo(900);
        }
    }

    @Test
    void plotDrawsSeveralSchedules(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("two.png");
        EvalContractTest.Run r = EvalContractTest.run("plot", "--spec", "{\"type\":\"constant\",\"value\":1}",
                "--spec", "{\"type\":\"cosine\",\"initial\":1,\"decay_steps\":10}", "--steps", "20", "--out",
                file.toString());
        assertThat(r.code()).isZero();
        assertThat(ImageIO.read(file.toFile()).getHeight()).isEqualTo(500);
        EvalContractTest.Run bad = EvalContractTest.run("plot", "--spec", "{\"type\":\"constant\"}", "--steps", "20",
                "--out", file.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("error: --spec #1: value: is required\n");
        EvalContractTest.Run noPng = EvalContractTest.run("plot", "--spec", "{\"type\":\"constant\",\"value\":1}",
                "--steps", "20", "--out", dir.resolve("chart").toString());
        assertThat(noPng.code()).isEqualTo(2);
        assertThat(noPng.err()).startsWith("error: --out: must name a .png file");
    }
}
