package org.sched4j.dialect.keras;

import org.sched4j.schedule.Schedule;
import org.sched4j.schedule.ScheduleBuilder;
import org.sched4j.spec.Json;
import org.sched4j.spec.SpecException;

/**
 * Java factories for the {@code keras.*} dialect ({@code keras.optimizers.schedules}), with Keras's argument
 * names in each javadoc; the step is the optimizer's {@code iterations}. {@link #deserialize} reads Keras's
 * own serialized form.
 */
public final class Keras {
    private Keras() {
    }

    /** {@code ExponentialDecay(initial_learning_rate, decay_steps, decay_rate, staircase)}. */
    public static Schedule exponentialDecay(double initialLearningRate, long decaySteps, double decayRate,
            boolean staircase) {
        return new ScheduleBuilder("keras.ExponentialDecay").set("initial_learning_rate", initialLearningRate)
                .set("decay_steps", decaySteps).set("decay_rate", decayRate).set("staircase", staircase).build();
    }

    /** {@code PiecewiseConstantDecay(boundaries, values)}: {@code values[0]} while step <= boundaries[0]. */
    public static Schedule piecewiseConstantDecay(long[] boundaries, double[] values) {
        return new ScheduleBuilder("keras.PiecewiseConstantDecay").set("boundaries", boundaries)
                .set("values", values).build();
    }

    /** {@code PolynomialDecay(initial_learning_rate, decay_steps, end_learning_rate, power, cycle)}. */
    public static Schedule polynomialDecay(double initialLearningRate, long decaySteps, double endLearningRate,
            double power, boolean cycle) {
        return new ScheduleBuilder("keras.PolynomialDecay").set("initial_learning_rate", initialLearningRate)
                .set("decay_steps", decaySteps).set("end_learning_rate", endLearningRate).set("power", power)
                .set("cycle", cycle).build();
    }

    /** {@code InverseTimeDecay(initial_learning_rate, decay_steps, decay_rate, staircase)}. */
    public static Schedule inverseTimeDecay(double initialLearningRate, long decaySteps, double decayRate,
            boolean staircase) {
        return new ScheduleBuilder("keras.InverseTimeDecay").set("initial_learning_rate", initialLearningRate)
                .set("decay_steps", decaySteps).set("decay_rate", decayRate).set("staircase", staircase).build();
    }

    /** {@code CosineDecay(initial_learning_rate, decay_steps, alpha)}, without warmup. */
    public static Schedule cosineDecay(double initialLearningRate, long decaySteps, double alpha) {
        return new ScheduleBuilder("keras.CosineDecay").set("initial_learning_rate", initialLearningRate)
                .set("decay_steps", decaySteps).set("alpha", alpha).build();
    }

    /**
     * {@code CosineDecay(initial_learning_rate, decay_steps, alpha, warmup_target=..., warmup_steps=...)}:
     * {@code decay_steps} counts the steps after the warmup.
     */
    public static Schedule cosineDecay(double initialLearningRate, long decaySteps, double alpha,
            double warmupTarget, long warmupSteps) {
        return new ScheduleBuilder("keras.CosineDecay").set("initial_learning_rate", initialLearningRate)
                .set("decay_steps", decaySteps).set("alpha", alpha).set("warmup_target", warmupTarget)
                .set("warmup_steps", warmupSteps).build();
    }

    /** {@code CosineDecayRestarts(initial_learning_rate, first_decay_steps, t_mul, m_mul, alpha)}. */
    public static Schedule cosineDecayRestarts(double initialLearningRate, long firstDecaySteps, double tMul,
            double mMul, double alpha) {
        return new ScheduleBuilder("keras.CosineDecayRestarts").set("initial_learning_rate", initialLearningRate)
                .set("first_decay_steps", firstDecaySteps).set("t_mul", tMul).set("m_mul", mMul)
                .set("alpha", alpha).build();
    }

    /**
     * {@code keras.optimizers.schedules.deserialize(config)}: reads the JSON text of Keras's serialized form
     * ({@code {"class_name": ..., "config": {...}}}, with or without {@code module}).
     *
     * @throws SpecException naming the offending key, e.g. {@code config.decay_steps}
     */
    public static Schedule deserialize(String json) {
        var node = Json.parse(json, "spec");
        if (!KerasSerializedForm.isSerializedForm(node)) {
            throw new SpecException("spec", "must be Keras's serialized form {\"class_name\": ..., \"config\": "
                    + "{...}}");
        }
        return Schedule.fromSpec(node);
    }
}
