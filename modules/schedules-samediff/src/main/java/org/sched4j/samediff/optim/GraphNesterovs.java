package org.sched4j.samediff.optim;

import java.util.Map;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.sched4j.schedule.Schedule;

/**
 * SGD with Nesterov momentum in the graph, as DL4J's {@code Nesterovs} computes it: with {@code mu} the
 * momentum and {@code v} the velocity, {@code v' = mu v - lr g} and {@code param -= mu v - (1 + mu) v'}.
 * Both the learning rate and the momentum may be schedules.
 */
public record GraphNesterovs(Schedule learningRate, Schedule momentum) implements GraphUpdater {
    /** @throws IllegalArgumentException if a schedule cannot run in a graph */
    public GraphNesterovs {
        UpdateBuilder.requireGraphable(Objects.requireNonNull(learningRate, "learningRate"), "learningRate");
        UpdateBuilder.requireGraphable(Objects.requireNonNull(momentum, "momentum"), "momentum");
    }

    @Override
    public GraphUpdate apply(SameDiff sd, SDVariable step, Map<SDVariable, SDVariable> gradients) {
        UpdateBuilder b = new UpdateBuilder(sd, step, learningRate, "nesterovs");
        return b.build(gradients, (s, param, gradient) -> {
            SDVariable mu = s.shared("momentum", () -> momentum.toGraph(sd, b.step(), s.dataType()));
            SDVariable muMinusOne = s.shared("-momentum-1", () -> mu.neg().sub(s.constant(1)));
            SDVariable v = s.slot(param, "v");
            SDVariable previous = mu.mul(v);
            SDVariable velocity = s.newValue(v, previous.sub(s.learningRate().mul(gradient)));
            return previous.add(muMinusOne.mul(velocity));
        });
    }
}
