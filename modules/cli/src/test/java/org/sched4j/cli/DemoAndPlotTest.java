package org.sched4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo} and {@code plot} print what they promise and write readable PNG charts. */
class DemoAndPlotTest {
    @Test
    void demoPrintsTheTableAndWritesTheChart(@TempDir Path dir) throws IOException {
        EvalContractTest.Run r = EvalContractTest.run("demo", "--out", dir.toString());
        assertThat(r.code()).isZero();
        // warmup 0 -> 0.1 over 100 steps: step 50 is 0.05; cosine from 0.1 to 0.001 over 900: step 550 is halfway
        assertThat(r.out()).contains("    50  0.05 ").contains("largest difference between evaluators");
        BufferedImage png = ImageIO.read(dir.resolve("schedule.png").toFile());
        assertThat(png.getWidth()).isEqualTo(900);
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
    }
}
