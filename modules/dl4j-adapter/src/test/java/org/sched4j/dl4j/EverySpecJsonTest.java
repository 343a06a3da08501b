package org.sched4j.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.RampSchedule;
import org.sched4j.catalog.Schedules;
import org.sched4j.schedule.Schedule;
import org.sched4j.schedule.ScheduleType;
import org.sched4j.schedule.ScheduleTypes;

/**
 * Every schedule kind survives {@code MultiLayerConfiguration} and {@code ComputationGraphConfiguration} JSON
 * inside DL4J updaters (weights and a separate bias updater): the specs of the evaluator-agreement files,
 * which name every registered type, composites and plateau state included.
 */
class EverySpecJsonTest {
    private static final Path AGREEMENT = Path.of("../schedules-core/src/test/resources/agreement");
    private static final int[][] AT = {{0, 0}, {1, 0}, {7, 3}, {499, 4}, {1000, 9}, {12_345, 40}, {3_000_000, 99}};

    private static List<Schedule> specs() throws IOException {
        List<Schedule> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(AGREEMENT)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (!line.isBlank()) {
                        out.add(Schedule.parse(line));
                    }
                }
            }
        }
        return out;
    }

    private static void assertSameValues(ISchedule back, Schedule s) {
        assertThat(back).isEqualTo(s).isInstanceOf(Schedule.class);
        for (int[] at : AT) {
            assertThat(back.valueAt(at[0], at[1])).as("%s at %d/%d", s.type().name(), at[0], at[1])
                    .isEqualTo(s.valueAt(at[0], at[1]));
        }
    }

    @Test
    void theSpecsNameEveryRegisteredType() throws IOException {
        Set<String> named = new TreeSet<>();
        for (Schedule s : specs()) {
            collect(s, named);
        }
        for (ScheduleType t : ScheduleTypes.all()) {
            assertThat(named).as("agreement specs").contains(t.name());
        }
    }

    private static void collect(Schedule s, Set<String> named) {
        named.add(s.type().name());
        for (Object v : s.args().asMap().values()) {
            if (v instanceof List<?> list) {
                list.stream().filter(Schedule.class::isInstance).forEach(c -> collect((Schedule) c, named));
            }
        }
    }

    @Test
    void multiLayerConfigurationJson() throws IOException {
        for (Schedule s : specs()) {
            MultiLayerConfiguration conf = TestNets.mlpConf(TestNets.base(new Adam(1e-3)).biasUpdater(new Sgd(0.1)));
            ScheduleWiring.learningRate(s).build().applyTo(conf);
            String json = conf.toJson();
            MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(json);
            assertThat(back).as(s.toJson()).isEqualTo(conf);
            assertThat(back.toJson()).isEqualTo(json);
            for (int layer = 0; layer < 2; layer++) {
                BaseLayer l = (BaseLayer) back.getConf(layer).getLayer();
                assertSameValues(((Adam) l.getIUpdater()).getLearningRateSchedule(), s);
                assertSameValues(((Sgd) l.getBiasUpdater()).getLearningRateSchedule(), s);
            }
        }
    }

    @Test
    void computationGraphConfigurationJson() throws IOException {
        for (Schedule s : specs()) {
            ComputationGraphConfiguration conf = TestNets.graphConf(new Nesterovs(0.1, 0.9));
            ScheduleWiring.learningRate(s).build().applyTo(conf);
            ComputationGraphConfiguration back = ComputationGraphConfiguration.fromJson(conf.toJson());
            assertThat(back).as(s.toJson()).isEqualTo(conf);
            for (String name : List.of("hidden", "out")) {
                IUpdater u = ((BaseLayer) ((LayerVertex) back.getVertices().get(name)).getLayerConf().getLayer())
                        .getIUpdater();
                assertSameValues(((Nesterovs) u).getLearningRateSchedule(), s);
            }
        }
    }

    @Test
    void aWarmupSurvivesJsonWhereDl4jsRampDoesNot() {
        Schedule warm = Warmup.linear(20, Schedules.cosine(0.1, 0.0, 80));
        MultiLayerConfiguration conf = TestNets.mlpConf(new Adam(warm));
        Adam back = (Adam) ((BaseLayer) MultiLayerConfiguration.fromJson(conf.toJson()).getConf(0).getLayer())
                .getIUpdater();
        ISchedule s = back.getLearningRateSchedule();
        assertThat(s.valueAt(0, 0)).isEqualTo(0.0);
        assertThat(s.valueAt(5, 0)).isEqualTo(0.1 * 5 / 20);
        assertThat(s.valueAt(20, 0)).isEqualTo(0.1);
        // cosine from 0.1 to 0 over 80 steps, halfway at local step 40
        assertThat(s.valueAt(60, 0)).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(s.valueAt(100, 0)).isEqualTo(0.0);

        MultiLayerConfiguration ramp = TestNets.mlpConf(new Adam(new RampSchedule(
                new org.nd4j.linalg.schedule.FixedSchedule(0.1), 20)));
        String rampJson = ramp.toJson();
        assertThatThrownBy(() -> MultiLayerConfiguration.fromJson(rampJson)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void theMomentumCompanionOfAOneCycleScheduleSurvivesJson() {
        Schedule oneCycle = Schedule.parse("{\"type\":\"torch.OneCycleLR\",\"lr\":0.01,\"max_lr\":0.1,"
                + "\"total_steps\":100}");
        MultiLayerConfiguration conf = TestNets.mlpConf(new Nesterovs(0.1, 0.9));
        ScheduleWiring.learningRate(oneCycle).build().applyTo(conf);
        String json = conf.toJson();
        assertThat(json).contains("org.sched4j.dl4j.MomentumCompanion");
        Nesterovs back = (Nesterovs) ((BaseLayer) MultiLayerConfiguration.fromJson(json).getConf(0).getLayer())
                .getIUpdater();
        assertThat(back.getMomentumISchedule()).isEqualTo(new MomentumCompanion(oneCycle));
        // PyTorch's OneCycleLR: momentum starts at max_momentum (0.95) and reaches base_momentum (0.85) at the
        // end of the first phase, step pct_start * total - 1 = 29
        assertThat(back.currentMomentum(0, 0)).isCloseTo(0.95, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(back.currentMomentum(29, 0)).isCloseTo(0.85, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void theMomentumCompanionNeedsAScheduleWithMomentum() {
        assertThatThrownBy(() -> new MomentumCompanion(Schedules.constant(0.1)))
                .hasMessage("schedule: constant drives no momentum");
    }
}
