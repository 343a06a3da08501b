package org.sched4j.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;
import org.sched4j.dl4j.RateRecorder;
import org.sched4j.schedule.Schedule;
import org.sched4j.spec.Json;
import org.sched4j.spec.SpecException;

/**
 * {@code sched4j train}: fits an MLP to the Iris data with a schedule spec, optionally saving the model (its
 * schedule, plateau state and counters in the configuration JSON, the seed and batch size beside it) and
 * resuming one; writes the learning rate applied per iteration as CSV and charts.
 */
final class TrainCommand {
    /** The CSV header of {@code --lr-csv}. */
    static final String LR_CSV_HEADER = "iteration,epoch,lr";
    /** The entry of a saved model that holds the training settings. */
    static final String SETTINGS_ENTRY = "sched4j-train.json";
    private static final Set<String> FLAGS = Set.of("--spec", "--epochs", "--batch-size", "--seed", "--save",
            "--resume", "--lr-csv", "--out");
    private static final long DEFAULT_SEED = 42;
    private static final int DEFAULT_BATCH = 10;

    private TrainCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options o = Options.parse("train", args, FLAGS);
        int epochs = (int) o.integer("--epochs", -1, 1, 100_000);
        if (epochs < 0) {
            throw new CliException("--epochs: is required");
        }
        IrisData data = IrisData.load();
        MultiLayerNetwork net;
        long seed;
        int batchSize;
        if (o.has("--resume")) {
            if (o.has("--spec")) {
                throw new CliException("--spec: cannot be combined with --resume (the saved model holds its schedule)");
            }
            String file = o.get("--resume");
            net = restore(file);
            JsonNode saved = settings(file);
            seed = o.integer("--seed", saved.path("seed").asLong(DEFAULT_SEED), Long.MIN_VALUE, Long.MAX_VALUE);
            batchSize = (int) o.integer("--batch-size", saved.path("batch_size").asInt(DEFAULT_BATCH), 1,
                    data.trainSize());
        } else {
            Schedule schedule;
            try {
                schedule = Schedule.parse(Options.textOrFile("--spec", o.required("--spec")));
            } catch (SpecException e) {
                throw new CliException("--spec: " + e.getMessage());
            }
            seed = o.integer("--seed", DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE);
            batchSize = (int) o.integer("--batch-size", DEFAULT_BATCH, 1, data.trainSize());
            net = IrisTraining.newNetwork(schedule, seed);
        }
        IrisTraining.Result result = IrisTraining.train(net, data, seed, batchSize, epochs, err);
        out.printf("accuracy: %.2f%n", result.accuracy());
        if (o.has("--save")) {
            save(net, o.get("--save"), seed, batchSize);
            out.println("wrote " + o.get("--save"));
        }
        if (o.has("--lr-csv")) {
            writeLrCsv(result.recorder(), Path.of(o.get("--lr-csv")));
            out.println("wrote " + o.get("--lr-csv"));
        }
        if (o.has("--out")) {
            Path dir = Path.of(o.get("--out"));
            try {
                result.recorder().writeCsv(dir.resolve("rates.csv"));
                out.println("wrote " + dir.resolve("rates.csv"));
                for (Path p : result.recorder().writeCharts(dir)) {
                    out.println("wrote " + p);
                }
            } catch (UncheckedIOException e) {
                throw new CliException("--out: " + e.getMessage());
            }
        }
        return 0;
    }

    private static MultiLayerNetwork restore(String file) {
        if (!Files.isRegularFile(Path.of(file))) {
            throw new CliException("--resume: no such file: " + file);
        }
        MultiLayerNetwork net;
        try {
            net = ModelSerializer.restoreMultiLayerNetwork(new File(file), true);
        } catch (IOException | RuntimeException e) {
            throw new CliException("--resume: cannot read " + file + " as a saved model: " + e.getMessage());
        }
        if (net.getnLayers() != 2 || net.layerInputSize(0) != IrisData.FEATURES
                || net.layerSize(1) != IrisData.CLASSES) {
            throw new CliException("--resume: " + file + " is not an Iris model saved by sched4j train");
        }
        return net;
    }

    private static JsonNode settings(String file) {
        try {
            if (!ModelSerializer.listObjectsInFile(new File(file)).contains(SETTINGS_ENTRY)) {
                return Json.object();
            }
            String text = ModelSerializer.getObjectFromFile(new File(file), SETTINGS_ENTRY);
            return Json.parse(text, "--resume");
        } catch (RuntimeException e) {
            throw new CliException("--resume: cannot read the training settings in " + file + ": " + e.getMessage());
        }
    }

    private static void save(MultiLayerNetwork net, String file, long seed, int batchSize) {
        try {
            Path parent = Path.of(file).toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ModelSerializer.writeModel(net, new File(file), true);
            ObjectNode s = Json.object();
            s.put("seed", seed);
            s.put("batch_size", batchSize);
            ModelSerializer.addObjectToFile(new File(file), SETTINGS_ENTRY, Json.write(s));
        } catch (IOException | RuntimeException e) {
            throw new CliException("--save: cannot write " + file + ": " + e.getMessage());
        }
    }

    /** One row per iteration: the global iteration, the epoch, the rate applied to layer 0's weights. */
    static void writeLrCsv(RateRecorder recorder, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(file)) {
                w.write(LR_CSV_HEADER + "\n");
                for (RateRecorder.Step s : recorder.steps()) {
                    w.write(s.iteration() + "," + s.epoch() + "," + s.rate("0", "W").learningRate() + "\n");
                }
            }
        } catch (IOException e) {
            throw new CliException("--lr-csv: cannot write " + file + ": " + e.getMessage());
        }
    }
}
