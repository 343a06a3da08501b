package org.sched4j.samediff.optim;

import java.util.Map;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.sched4j.schedule.Schedule;

/** Plain gradient descent in the graph: {@code param - lr(step) * gradient} (DL4J's {@code Sgd}). */
public record GraphSgd(Schedule learningRate) implements GraphUpdater {
    /** @throws IllegalArgumentException if the schedule cannot run in a graph */
    public GraphSgd {
        UpdateBuilder.requireGraphable(Objects.requireNonNull(learningRate, "learningRate"), "learningRate");
    }

    @Override
    public GraphUpdate apply(SameDiff sd, SDVariable step, Map<SDVariable, SDVariable> gradients) {
        return new UpdateBuilder(sd, step, learningRate, "sgd").build(gradients,
                (s, param, gradient) -> gradient.mul(s.learningRate()));
    }
}
