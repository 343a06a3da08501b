package org.sched4j.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.sched4j.catalog.Schedules;
import org.sched4j.schedule.Schedule;

/**
 * {@code ModelSerializer} save and restore resumes the schedule exactly: the learning rate (and momentum)
 * applied at every later iteration, read from the live updater, equals that of an uninterrupted run, for a
 * step schedule and for a plateau schedule fed the training score.
 */
class CheckpointTest {
    private static final int EPOCHS = 8;
    private static final int SPLIT = 3;
    private static final DataSet DATA = TestNets.data(24, 5);

    /** What a run applied: iteration, epoch, and per parameter the rate and momentum. */
    private record Applied(int iteration, int epoch, List<AppliedRate> rates) {
    }

    private interface Trainer {
        Model fresh();

        Model restore(File f) throws IOException;

        void epoch(Model m);
    }

    private static List<Applied> trace(RateRecorder rec) {
        List<Applied> out = new ArrayList<>();
        for (RateRecorder.Step s : rec.steps()) {
            out.add(new Applied(s.iteration(), s.epoch(), s.rates()));
        }
        return out;
    }

    private static void listen(Model m, RateRecorder rec, boolean plateau) {
        if (plateau) {
            m.setListeners(rec, new PlateauListener.Builder().build());
        } else {
            m.setListeners(rec);
        }
    }

    private static void assertResumeEqualsUninterrupted(Trainer t, boolean plateau, Path dir) throws IOException {
        Model whole = t.fresh();
        RateRecorder all = new RateRecorder();
        listen(whole, all, plateau);
        for (int e = 0; e < EPOCHS; e++) {
            t.epoch(whole);
        }

        Model first = t.fresh();
        RateRecorder before = new RateRecorder();
        listen(first, before, plateau);
        for (int e = 0; e < SPLIT; e++) {
            t.epoch(first);
        }
        File zip = dir.resolve("checkpoint.zip").toFile();
        ModelSerializer.writeModel(first, zip, true);
        Model resumed = t.restore(zip);
        RateRecorder after = new RateRecorder();
        listen(resumed, after, plateau);
        for (int e = SPLIT; e < EPOCHS; e++) {
            t.epoch(resumed);
        }

        List<Applied> joined = new ArrayList<>(trace(before));
        joined.addAll(trace(after));
        assertThat(joined).isEqualTo(trace(all));
        assertThat(trace(after).get(0).iteration()).isEqualTo(SPLIT * 4);
        assertThat(resumed.params()).isEqualTo(whole.params());
        if (plateau) {
            double first0 = all.steps().get(0).rates().get(0).learningRate();
            double last = all.steps().get(all.steps().size() - 1).rates().get(0).learningRate();
            assertThat(last).as("the plateau schedule reduced the rate").isLessThan(first0);
        }
    }

    private static Trainer mlp(Schedule lr, Schedule momentum) {
        return new Trainer() {
            @Override
            public Model fresh() {
                MultiLayerNetwork net = TestNets.mlp(new Nesterovs(0.1, 0.9));
                ScheduleWiring.Builder b = ScheduleWiring.learningRate(lr);
                if (momentum != null) {
                    b.momentum(momentum);
                }
                b.build().applyTo(net);
                return net;
            }

            @Override
            public Model restore(File f) throws IOException {
                return ModelSerializer.restoreMultiLayerNetwork(f, true);
            }

            @Override
            public void epoch(Model m) {
                ((MultiLayerNetwork) m).fit(TestNets.batches(DATA, 6));
            }
        };
    }

    @Test
    void aStepScheduleAndMomentumOnAMultiLayerNetwork(@TempDir Path dir) throws IOException {
        assertResumeEqualsUninterrupted(mlp(Schedules.multiStep(0.2, 0.5, 6, 13, 20),
                Schedules.linearWarmup(0.5, 0.95, 15)), false, dir);
    }

    @Test
    void aPlateauScheduleOnAMultiLayerNetwork(@TempDir Path dir) throws IOException {
        // patience 0 and a large threshold: nearly every epoch counts as a plateau, so the rate moves often
        Schedule plateau = Schedule.parse("{\"type\":\"torch.ReduceLROnPlateau\",\"lr\":0.2,\"factor\":0.5,"
                + "\"patience\":0,\"threshold\":0.05}");
        assertResumeEqualsUninterrupted(mlp(plateau, null), true, dir);
    }

    @Test
    void aComputationGraphWithAdam(@TempDir Path dir) throws IOException {
        Schedule lr = Schedules.warmupCosine(0.05, 5, 27, 0.001);
        assertResumeEqualsUninterrupted(new Trainer() {
            @Override
            public Model fresh() {
                ComputationGraph g = TestNets.graph(new Adam(1e-3));
                ScheduleWiring.learningRate(lr).build().applyTo(g);
                return g;
            }

            @Override
            public Model restore(File f) throws IOException {
                return ModelSerializer.restoreComputationGraph(f, true);
            }

            @Override
            public void epoch(Model m) {
                ((ComputationGraph) m).fit(TestNets.batches(DATA, 6));
            }
        }, false, dir);
    }
}
