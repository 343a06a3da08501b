package org.sched4j.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.sched4j.schedule.Schedule;
import org.sched4j.spec.Json;

/**
 * The plateau listener reproduces PyTorch's ReduceLROnPlateau traces ({@code parity/torch-1.13.jsonl}, ids
 * {@code plateau-*}): metric {@code i} is observed after step {@code i}, and the learning rate DL4J applies at
 * step {@code i} (read from the live updater by the recorder) is the trace's {@code lr[i]}.
 */
class PlateauParityTest {
    private static final Path TRACES = Path.of("../schedules-core/src/test/resources/parity/torch-1.13.jsonl");

    private record Trace(String id, Schedule spec, double[] metrics, double[] lr) {
    }

    private static List<Trace> traces() throws IOException {
        List<Trace> out = new ArrayList<>();
        for (String line : Files.readAllLines(TRACES)) {
            JsonNode row = Json.parse(line, "trace");
            if (row.get("id").asText().startsWith("plateau-")) {
                out.add(new Trace(row.get("id").asText(), Schedule.fromSpec(row.get("spec")),
                        doubles(row.get("metrics")), doubles(row.get("lr"))));
            }
        }
        assertThat(out).hasSizeGreaterThanOrEqualTo(2);
        return out;
    }

    private static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).doubleValue();
        }
        return out;
    }

    /** A metric source replaying the trace's metrics, one per observation. */
    private static PlateauMetric replay(double[] metrics) {
        int[] next = {0};
        return (model, meanScore) -> metrics[next[0]++];
    }

    private static void assertTrace(Trace t, RateRecorder rec) {
        assertThat(rec.steps()).hasSize(t.lr().length);
        for (RateRecorder.Step s : rec.steps()) {
            for (AppliedRate r : s.rates()) {
                assertThat(r.learningRate()).as("%s step %d %s/%s", t.id(), s.iteration(), r.layer(), r.param())
                        .isCloseTo(t.lr()[s.iteration()], org.assertj.core.data.Offset.offset(1e-15));
            }
        }
    }

    @Test
    void perEpochOnAMultiLayerNetwork() throws IOException {
        DataSet data = TestNets.data(6, 11);
        for (Trace t : traces()) {
            MultiLayerNetwork net = TestNets.mlp(new Adam(1e-3));
            ScheduleWiring.learningRate(t.spec()).build().applyTo(net);
            RateRecorder rec = new RateRecorder();
            net.setListeners(rec, new PlateauListener.Builder().metric(replay(t.metrics())).build());
            for (int epoch = 0; epoch < t.lr().length; epoch++) {
                net.fit(TestNets.batches(data, 6));   // one iteration per epoch
            }
            assertTrace(t, rec);
        }
    }

    @Test
    void everyIterationOnAGraphWithABiasUpdater() throws IOException {
        DataSet data = TestNets.data(4, 12);
        for (Trace t : traces()) {
            ComputationGraph g = new ComputationGraph(TestNets.graphConf(new Adam(1e-3)));
            g.init();
            ScheduleWiring.learningRate(t.spec()).build().applyTo(g);
            RateRecorder rec = new RateRecorder();
            g.setListeners(rec, new PlateauListener.Builder().metric(replay(t.metrics())).everyIterations(1).build());
            for (int step = 0; step < t.lr().length; step++) {
                g.fit(data);
            }
            assertTrace(t, rec);
        }
    }

    @Test
    void observeThroughTheApiAndTheStateTravelsInTheJson() throws IOException {
        for (Trace t : traces()) {
            MultiLayerConfiguration conf = TestNets.mlpConf(TestNets.base(new Adam(1e-3)).biasUpdater(new Sgd(0.5)));
            ScheduleWiring.learningRate(t.spec()).build().applyTo(conf);
            MultiLayerNetwork net = new MultiLayerNetwork(conf);
            net.init();
            for (int i = 0; i < t.lr().length; i++) {
                for (AppliedRate r : AppliedRates.at(net, i, 0)) {
                    assertThat(r.learningRate()).as("%s step %d", t.id(), i)
                            .isCloseTo(t.lr()[i], org.assertj.core.data.Offset.offset(1e-15));
                }
                assertThat(PlateauListener.observe(net, t.metrics()[i])).isEqualTo(4);   // W and b, two layers
                // the configuration the model is saved with holds the observed state
                MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(
                        net.getLayerWiseConfigurations().toJson());
                Schedule saved = (Schedule) ((Adam) ((BaseLayer) back.getConf(1).getLayer()).getIUpdater())
                        .getLearningRateSchedule();
                assertThat(saved.toSpec().get("state").get("observed").asInt()).isEqualTo(i + 1);
            }
        }
    }

    @Test
    void aModelWithoutPlateauSchedulesIsReported() {
        Model net = TestNets.mlp(new Adam(1e-3));
        assertThatThrownBy(() -> PlateauListener.observe(net, 1.0)).hasMessageContaining("no plateau schedule");
        Model plateau = TestNets.mlp(new Adam(Schedule.parse("{\"type\":\"plateau\",\"initial\":0.1}")));
        assertThatThrownBy(() -> PlateauListener.observe(plateau, Double.NaN)).hasMessageContaining("finite");
    }
}
