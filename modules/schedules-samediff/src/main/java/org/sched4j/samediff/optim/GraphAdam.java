package org.sched4j.samediff.optim;

import java.util.Map;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.sched4j.schedule.Schedule;

/**
 * Adam in the graph, as DL4J's {@code Adam} computes it at iteration t: {@code m' = b1 m + (1 - b1) g},
 * {@code v' = b2 v + (1 - b2) g^2}, {@code a = lr(t) sqrt(1 - b2^(t+1)) / (1 - b1^(t+1))} (epsilon
 * instead when that is 0 or not finite, DL4J's rule, which matters when a warmup starts at 0) and
 * {@code param -= a m' / (sqrt(v') + epsilon)}; all in the parameter's type.
 */
public record GraphAdam(Schedule learningRate, double beta1, double beta2, double epsilon) implements GraphUpdater {
    /** DL4J's defaults: beta1 0.9, beta2 0.999, epsilon 1e-8. */
    public GraphAdam(Schedule learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8);
    }

    /** @throws IllegalArgumentException if the schedule cannot run in a graph */
    public GraphAdam {
        UpdateBuilder.requireGraphable(Objects.requireNonNull(learningRate, "learningRate"), "learningRate");
    }

    @Override
    public GraphUpdate apply(SameDiff sd, SDVariable step, Map<SDVariable, SDVariable> gradients) {
        UpdateBuilder b = new UpdateBuilder(sd, step, learningRate, "adam");
        return b.build(gradients, (s, param, gradient) -> {
            SDVariable b1 = s.constant(beta1);
            SDVariable b2 = s.constant(beta2);
            SDVariable eps = s.constant(epsilon);
            SDVariable oneMinusB1 = s.shared("1-beta1", () -> b1.rsub(s.constant(1)));
            SDVariable oneMinusB2 = s.shared("1-beta2", () -> b2.rsub(s.constant(1)));
            SDVariable alpha = s.shared("alpha", () -> {
                SDVariable t1 = sd.castTo(b.step(), s.dataType()).add(s.constant(1));
                SDVariable b1t = sd.math.pow(b1, t1);
                SDVariable b2t = sd.math.pow(b2, t1);
                SDVariable a = s.learningRate().mul(sd.math.sqrt(b2t.rsub(s.constant(1)))).div(b1t.rsub(s.constant(1)));
                SDVariable usable = sd.math.and(sd.math.isFinite(a), sd.neq(a, s.constant(0)));
                return sd.where(a, eps, usable);
            });
            SDVariable m = s.slot(param, "m");
            SDVariable v = s.slot(param, "v");
            SDVariable m2 = s.newValue(m, m.mul(b1).add(gradient.mul(oneMinusB1)));
            SDVariable v2 = s.newValue(v, v.mul(b2).add(gradient.mul(gradient).mul(oneMinusB2)));
            return m2.mul(alpha).div(sd.math.sqrt(v2).add(eps));
        });
    }
}
