package org.sched4j.dialect.dl4j;

import java.util.Map;
import java.util.TreeMap;
import org.sched4j.schedule.Schedule;
import org.sched4j.schedule.ScheduleBuilder;

/**
 * Java factories for the {@code dl4j.*} dialect, with the arguments of DL4J's constructors minus the
 * {@code ScheduleType}: the schedules count iterations; {@code .withUnit(Unit.EPOCH)} makes them count epochs.
 * {@link Dl4jSchedules#from} converts existing {@code ISchedule} instances.
 */
public final class Dl4j {
    private Dl4j() {
    }

    /** {@code new ExponentialSchedule(type, initialValue, gamma)}. */
    public static Schedule exponential(double initialValue, double gamma) {
        return new ScheduleBuilder("dl4j.Exponential").set("initialValue", initialValue).set("gamma", gamma).build();
    }

    /** {@code new StepSchedule(type, initialValue, decayRate, step)}. */
    public static Schedule step(double initialValue, double decayRate, double step) {
        return new ScheduleBuilder("dl4j.Step").set("initialValue", initialValue).set("decayRate", decayRate)
                .set("step", step).build();
    }

    /** {@code new InverseSchedule(type, initialValue, gamma, power)}. */
    public static Schedule inverse(double initialValue, double gamma, double power) {
        return new ScheduleBuilder("dl4j.Inverse").set("initialValue", initialValue).set("gamma", gamma)
                .set("power", power).build();
    }

    /** {@code new PolySchedule(type, initialValue, power, maxIter)}, DL4J's growing formula included. */
    public static Schedule poly(double initialValue, double power, long maxIter) {
        return new ScheduleBuilder("dl4j.Poly").set("initialValue", initialValue).set("power", power)
                .set("maxIter", maxIter).build();
    }

    /** {@code new SigmoidSchedule(type, initialValue, gamma, stepSize)}. */
    public static Schedule sigmoid(double initialValue, double gamma, long stepSize) {
        return new ScheduleBuilder("dl4j.Sigmoid").set("initialValue", initialValue).set("gamma", gamma)
                .set("stepSize", stepSize).build();
    }

    /** {@code new MapSchedule(type, values)}; {@code values} must hold key 0. */
    public static Schedule map(Map<Integer, Double> values) {
        Map<Long, Double> byStep = new TreeMap<>();
        values.forEach((step, value) -> byStep.put(step.longValue(), value));
        return new ScheduleBuilder("dl4j.Map").set("values", byStep).build();
    }

    /** {@code new CycleSchedule(type, initial, max, cycleLength, annealingLength, annealingDecay)}. */
    public static Schedule cycle(double initialLearningRate, double maxLearningRate, long cycleLength,
            long annealingLength, double annealingDecay) {
        return new ScheduleBuilder("dl4j.Cycle").set("initialLearningRate", initialLearningRate)
                .set("maxLearningRate", maxLearningRate).set("cycleLength", cycleLength)
                .set("annealingLength", annealingLength).set("annealingDecay", annealingDecay).build();
    }

    /**
     * {@code new CycleSchedule(type, maxLearningRate, cycleLength)}: DL4J's short form, starting at a tenth of
     * the maximum, annealing over {@code round(cycleLength * 0.1)} steps with decay 0.1.
     */
    public static Schedule cycle(double maxLearningRate, int cycleLength) {
        return cycle(maxLearningRate * 0.1, maxLearningRate, cycleLength, (int) Math.round(cycleLength * 0.1), 0.1);
    }

    /** {@code new RampSchedule(baseSchedule, numIter)}; the base must count the same unit (iterations). */
    public static Schedule ramp(Schedule baseSchedule, long numIter) {
        return new ScheduleBuilder("dl4j.Ramp").set("baseSchedule", baseSchedule).set("numIter", numIter).build();
    }

    /** {@code new FixedSchedule(value)}. */
    public static Schedule fixed(double value) {
        return new ScheduleBuilder("dl4j.Fixed").set("value", value).build();
    }
}
