package org.sched4j.dialect.mindspore;

import org.sched4j.schedule.Schedule;
import org.sched4j.schedule.ScheduleBuilder;

/**
 * Java factories for the {@code mindspore.*} graph cells ({@code mindspore.nn.learning_rate_schedule}), with
 * MindSpore's argument names in each javadoc; the list functions of {@code mindspore.nn.dynamic_lr} are in
 * {@link DynamicLr}. The step is MindSpore's {@code global_step}.
 */
public final class MindSpore {
    private MindSpore() {
    }

    /** {@code nn.ExponentialDecayLR(learning_rate, decay_rate, decay_steps, is_stair)}. */
    public static Schedule exponentialDecayLR(double learningRate, double decayRate, long decaySteps,
            boolean isStair) {
        return decay("mindspore.ExponentialDecayLR", learningRate, decayRate, decaySteps, isStair);
    }

    /** {@code nn.NaturalExpDecayLR(learning_rate, decay_rate, decay_steps, is_stair)}. */
    public static Schedule naturalExpDecayLR(double learningRate, double decayRate, long decaySteps,
            boolean isStair) {
        return decay("mindspore.NaturalExpDecayLR", learningRate, decayRate, decaySteps, isStair);
    }

    /** {@code nn.InverseDecayLR(learning_rate, decay_rate, decay_steps, is_stair)}. */
    public static Schedule inverseDecayLR(double learningRate, double decayRate, long decaySteps, boolean isStair) {
        return decay("mindspore.InverseDecayLR", learningRate, decayRate, decaySteps, isStair);
    }

    private static Schedule decay(String type, double learningRate, double decayRate, long decaySteps,
            boolean isStair) {
        return new ScheduleBuilder(type).set("learning_rate", learningRate).set("decay_rate", decayRate)
                .set("decay_steps", decaySteps).set("is_stair", isStair).build();
    }

    /** {@code nn.CosineDecayLR(min_lr, max_lr, decay_steps)}. */
    public static Schedule cosineDecayLR(double minLr, double maxLr, long decaySteps) {
        return new ScheduleBuilder("mindspore.CosineDecayLR").set("min_lr", minLr).set("max_lr", maxLr)
                .set("decay_steps", decaySteps).build();
    }

    /** {@code nn.PolynomialDecayLR(learning_rate, end_learning_rate, decay_steps, power, update_decay_steps)}. */
    public static Schedule polynomialDecayLR(double learningRate, double endLearningRate, long decaySteps,
            double power, boolean updateDecaySteps) {
        return new ScheduleBuilder("mindspore.PolynomialDecayLR").set("learning_rate", learningRate)
                .set("end_learning_rate", endLearningRate).set("decay_steps", decaySteps).set("power", power)
                .set("update_decay_steps", updateDecaySteps).build();
    }

    /** {@code nn.WarmUpLR(learning_rate, warmup_steps)}. */
    public static Schedule warmUpLR(double learningRate, long warmupSteps) {
        return new ScheduleBuilder("mindspore.WarmUpLR").set("learning_rate", learningRate)
                .set("warmup_steps", warmupSteps).build();
    }

    /**
     * Factories for {@code mindspore.nn.dynamic_lr}: each gives entry {@code i} of the list MindSpore builds
     * at step {@code i}, and holds the last entry after the list ends.
     */
    public static final class DynamicLr {
        private DynamicLr() {
        }

        /** {@code nn.piecewise_constant_lr(milestone, learning_rates)}. */
        public static Schedule piecewiseConstantLr(long[] milestone, double[] learningRates) {
            return new ScheduleBuilder("mindspore.piecewise_constant_lr").set("milestone", milestone)
                    .set("learning_rates", learningRates).build();
        }

        /**
         * {@code nn.exponential_decay_lr(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch,
         * is_stair)}.
         */
        public static Schedule exponentialDecayLr(double learningRate, double decayRate, long totalStep,
                long stepPerEpoch, long decayEpoch, boolean isStair) {
            return decay("mindspore.exponential_decay_lr", learningRate, decayRate, totalStep, stepPerEpoch,
                    decayEpoch, isStair);
        }

        /**
         * {@code nn.natural_exp_decay_lr(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch,
         * is_stair)}.
         */
        public static Schedule naturalExpDecayLr(double learningRate, double decayRate, long totalStep,
                long stepPerEpoch, long decayEpoch, boolean isStair) {
            return decay("mindspore.natural_exp_decay_lr", learningRate, decayRate, totalStep, stepPerEpoch,
                    decayEpoch, isStair);
        }

        /**
         * {@code nn.inverse_decay_lr(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch,
         * is_stair)}.
         */
        public static Schedule inverseDecayLr(double learningRate, double decayRate, long totalStep,
                long stepPerEpoch, long decayEpoch, boolean isStair) {
            return decay("mindspore.inverse_decay_lr", learningRate, decayRate, totalStep, stepPerEpoch,
                    decayEpoch, isStair);
        }

        private static Schedule decay(String type, double learningRate, double decayRate, long totalStep,
                long stepPerEpoch, long decayEpoch, boolean isStair) {
            return new ScheduleBuilder(type).set("learning_rate", learningRate).set("decay_rate", decayRate)
                    .set("total_step", totalStep).set("step_per_epoch", stepPerEpoch)
                    .set("decay_epoch", decayEpoch).set("is_stair", isStair).build();
        }

        /** {@code nn.cosine_decay_lr(min_lr, max_lr, total_step, step_per_epoch, decay_epoch)}. */
        public static Schedule cosineDecayLr(double minLr, double maxLr, long totalStep, long stepPerEpoch,
                long decayEpoch) {
            return new ScheduleBuilder("mindspore.cosine_decay_lr").set("min_lr", minLr).set("max_lr", maxLr)
                    .set("total_step", totalStep).set("step_per_epoch", stepPerEpoch)
                    .set("decay_epoch", decayEpoch).build();
        }

        /**
         * {@code nn.polynomial_decay_lr(learning_rate, end_learning_rate, total_step, step_per_epoch, decay_epoch,
         * power, update_decay_epoch)}.
         */
        public static Schedule polynomialDecayLr(double learningRate, double endLearningRate, long totalStep,
                long stepPerEpoch, long decayEpoch, double power, boolean updateDecayEpoch) {
            return new ScheduleBuilder("mindspore.polynomial_decay_lr").set("learning_rate", learningRate)
                    .set("end_learning_rate", endLearningRate).set("total_step", totalStep)
                    .set("step_per_epoch", stepPerEpoch).set("decay_epoch", decayEpoch).set("power", power)
                    .set("update_decay_epoch", updateDecayEpoch).build();
        }

        /** {@code nn.warmup_lr(learning_rate, total_step, step_per_epoch, warmup_epoch)}. */
        public static Schedule warmupLr(double learningRate, long totalStep, long stepPerEpoch, long warmupEpoch) {
            return new ScheduleBuilder("mindspore.warmup_lr").set("learning_rate", learningRate)
                    .set("total_step", totalStep).set("step_per_epoch", stepPerEpoch)
                    .set("warmup_epoch", warmupEpoch).build();
        }
    }
}
