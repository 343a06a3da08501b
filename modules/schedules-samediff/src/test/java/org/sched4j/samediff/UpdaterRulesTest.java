package org.sched4j.samediff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.sched4j.catalog.Schedules;
import org.sched4j.samediff.optim.GraphAdam;
import org.sched4j.samediff.optim.GraphNesterovs;
import org.sched4j.samediff.optim.GraphSgd;
import org.sched4j.samediff.optim.GraphTraining;
import org.sched4j.samediff.optim.GraphUpdater;
import org.sched4j.schedule.Schedule;
import org.sched4j.schedule.Unit;

/** What the in-graph updaters accept: DL4J configurations with sched4j schedules or fixed values. */
class UpdaterRulesTest {
    @Test
    void dl4jConfigurationsMapToTheirGraphForms() {
        Schedule lr = Schedules.cosine(0.1, 0.0, 100);
        assertThat(GraphUpdater.of(new Adam(lr))).isEqualTo(new GraphAdam(lr, 0.9, 0.999, 1e-8));
        assertThat(GraphUpdater.of(new Nesterovs(0.01, 0.9)))
                .isEqualTo(new GraphNesterovs(Schedules.constant(0.01), Schedules.constant(0.9)));
        assertThat(GraphUpdater.of(new org.nd4j.linalg.learning.config.Sgd(lr))).isEqualTo(new GraphSgd(lr));
    }

    @Test
    void whatTheGraphCannotRunIsRejectedNamingTheField() {
        assertThatThrownBy(() -> GraphUpdater.of(new RmsProp(0.1)))
                .hasMessage("updater: Sgd, Nesterovs or Adam can run in the graph (got RmsProp)");
        assertThatThrownBy(() -> GraphUpdater.of(new Adam(new ExponentialSchedule(ScheduleType.ITERATION, 0.1, 0.99))))
                .hasMessage("learningRateSchedule: must be a sched4j Schedule to run in the graph (got "
                        + "org.nd4j.linalg.schedule.ExponentialSchedule)");
        Schedule byEpoch = Schedules.step(0.1, 3, 0.5).withUnit(Unit.EPOCH);
        assertThatThrownBy(() -> GraphUpdater.of(new Adam(byEpoch))).hasMessageStartingWith("learningRateSchedule: "
                + "counts DL4J's epochs, but the graph counts iterations");
        assertThat(GraphUpdater.of(new Adam(Schedules.step(0.1, 3, 0.5).inEpochsOf(100)))).isNotNull();
        Schedule plateau = Schedule.parse("{\"type\":\"plateau\",\"initial\":0.1,\"patience\":3}");
        assertThatThrownBy(() -> new GraphSgd(plateau)).hasMessage("learningRate: plateau depends on observed metrics "
                + "and cannot run in the graph");
    }

    @Test
    void theStepMustBeAScalarAndTheGraphNeedsALoss() {
        SameDiff sd = SameDiff.create();
        SDVariable w = sd.var("w", Nd4j.ones(DataType.FLOAT, 3));
        SDVariable g = sd.placeHolder("g", DataType.FLOAT, 3);
        SDVariable steps = sd.placeHolder("steps", DataType.INT64, -1);
        assertThatThrownBy(() -> new GraphSgd(Schedules.constant(0.1)).apply(sd, steps, Map.of(w, g)))
                .hasMessage("step: must be a scalar (got shape [-1])");
        assertThatThrownBy(() -> GraphTraining.create(sd, new Adam(0.1)))
                .hasMessage("loss: set the graph's loss with sd.setLossVariables(...) first");
    }
}
