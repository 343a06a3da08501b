package org.sched4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.sched4j.spec.Json;

/**
 * {@code sched4j train}: a run saved and resumed writes the same learning-rate rows as one uninterrupted run
 * with the same seed, and its {@code lr} column equals {@code sched4j eval} of the spec; flag errors exit 2.
 */
class TrainCommandTest {
    /** Iris: 120 training flowers, batches of 10. */
    private static final int PER_EPOCH = 12;
    private static final String SPEC = "{\"type\":\"sequential\",\"boundaries\":[20],\"schedules\":["
            + "{\"type\":\"linear_warmup\",\"peak\":0.08,\"warmup_steps\":20},"
            + "{\"type\":\"cosine\",\"initial\":0.08,\"final\":0.001,\"decay_steps\":50}]}";

    private static List<String> rows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("iteration,epoch,lr");
        return lines.subList(1, lines.size());
    }

    private static EvalContractTest.Run ok(String... args) {
        EvalContractTest.Run r = EvalContractTest.run(args);
        assertThat(r.code()).as(r.err()).isZero();
        return r;
    }

    private static void assertResumeMatches(String spec, Path dir) throws IOException {
        Path whole = dir.resolve("whole.csv");
        Path first = dir.resolve("first.csv");
        Path second = dir.resolve("second.csv");
        Path model = dir.resolve("model.zip");
        EvalContractTest.Run all = ok("train", "--spec", spec, "--epochs", "6", "--seed", "3", "--lr-csv",
                whole.toString());
        assertThat(all.out()).containsPattern("accuracy: [01]\\.\\d\\d");
        assertThat(all.err()).contains("epoch 6/6 [").contains("100%");
        ok("train", "--spec", spec, "--epochs", "3", "--seed", "3", "--save", model.toString(), "--lr-csv",
                first.toString());
        ok("train", "--resume", model.toString(), "--epochs", "3", "--lr-csv", second.toString());

        List<String> expected = rows(whole);
        assertThat(expected).hasSize(6 * PER_EPOCH);
        assertThat(rows(first)).isEqualTo(expected.subList(0, 3 * PER_EPOCH));
        assertThat(rows(second)).isEqualTo(expected.subList(3 * PER_EPOCH, 6 * PER_EPOCH));
        assertThat(rows(second).get(0)).startsWith(3 * PER_EPOCH + ",3,");
        assertThat(rows(second).get(rows(second).size() - 1)).startsWith((6 * PER_EPOCH - 1) + ",5,");
    }

    @Test
    void resumedRowsEqualAnUninterruptedRunAndTheLrColumnEqualsEval(@TempDir Path dir) throws IOException {
        assertResumeMatches(SPEC, dir);
        EvalContractTest.Run eval = ok("eval", "--spec", SPEC, "--steps", String.valueOf(6 * PER_EPOCH));
        JsonNode lr = Json.parse(eval.out(), "eval").get("lr");
        List<String> rows = rows(dir.resolve("whole.csv"));
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = rows.get(i).split(",");
            assertThat(Integer.parseInt(cells[0])).isEqualTo(i);
            assertThat(Integer.parseInt(cells[1])).isEqualTo(i / PER_EPOCH);
            assertThat(Double.parseDouble(cells[2])).as("iteration %d", i).isEqualTo(lr.get(i).doubleValue());
        }
    }

    @Test
    void aPlateauScheduleResumesWithItsState(@TempDir Path dir) throws IOException {
        String plateau = "{\"type\":\"torch.ReduceLROnPlateau\",\"lr\":0.1,\"factor\":0.5,\"patience\":0,"
                + "\"threshold\":0.2}";
        assertResumeMatches(plateau, dir);
        List<String> rows = rows(dir.resolve("whole.csv"));
        assertThat(rows.get(0)).endsWith(",0.1");
        assertThat(Double.parseDouble(rows.get(rows.size() - 1).split(",")[2])).as("reduced on plateaus")
                .isLessThan(0.1);
    }

    @Test
    void outWritesTheRatesAndCharts(@TempDir Path dir) throws IOException {
        EvalContractTest.Run r = ok("train", "--spec", "@" + write(dir, SPEC), "--epochs", "2", "--batch-size", "40",
                "--out", dir.resolve("out").toString());
        assertThat(r.out()).contains("rates.csv").contains("learning_rate.png").contains("loss.png");
        List<String> rates = Files.readAllLines(dir.resolve("out/rates.csv"));
        assertThat(rates.get(0)).isEqualTo("iteration,epoch,score,layer,param,lr,momentum");
        assertThat(rates).hasSize(1 + 2 * 3 * 4);   // 2 epochs of 3 batches, 4 parameters (W, b of two layers)
        assertThat(rates.get(1)).matches("0,0,[0-9.E-]+,0,W,0\\.0,0\\.9");
        assertThat(ImageIO.read(dir.resolve("out/learning_rate.png").toFile()).getWidth()).isEqualTo(900);
        assertThat(ImageIO.read(dir.resolve("out/loss.png").toFile()).getWidth()).isEqualTo(900);
    }

    private static Path write(Path dir, String text) throws IOException {
        Path f = dir.resolve("spec.json");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void errorsNameTheFlag(@TempDir Path dir) throws IOException {
        String[][] cases = {
            {"error: --epochs: is required", "train", "--spec", SPEC},
            {"error: --spec: is required", "train", "--epochs", "1"},
            {"error: --epochs: must be between 1 and 100000 (got 0)", "train", "--spec", SPEC, "--epochs", "0"},
            {"error: --batch-size: must be between 1 and 120 (got 121)", "train", "--spec", SPEC, "--epochs", "1",
                "--batch-size", "121"},
            {"error: --spec: decay_steps: is required", "train", "--spec", "{\"type\":\"cosine\",\"initial\":1}",
                "--epochs", "1"},
            {"error: --resume: no such file: " + dir.resolve("none.zip"), "train", "--resume",
                dir.resolve("none.zip").toString(), "--epochs", "1"},
            {"error: --spec: cannot be combined with --resume (the saved model holds its schedule)", "train",
                "--resume", "x.zip", "--spec", SPEC, "--epochs", "1"},
            {"error: --lr: unknown option for train", "train", "--lr", "1"},
        };
        for (String[] c : cases) {
            EvalContractTest.Run r = EvalContractTest.run(java.util.Arrays.copyOfRange(c, 1, c.length));
            assertThat(r.code()).as(c[0]).isEqualTo(2);
            assertThat(r.err()).as(c[0]).startsWith(c[0]).endsWith("\n").doesNotContain("\n\n");
            assertThat(r.err().split("\n")).hasSize(1);
        }
        Path junk = dir.resolve("junk.zip");
        Files.writeString(junk, "not a zip");
        EvalContractTest.Run r = EvalContractTest.run("train", "--resume", junk.toString(), "--epochs", "1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: --resume: cannot read " + junk + " as a saved model");
    }
}
