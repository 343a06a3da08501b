package org.sched4j.dialect.dl4j;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.CycleSchedule;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.InverseSchedule;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.PolySchedule;
import org.nd4j.linalg.schedule.RampSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.SigmoidSchedule;
import org.nd4j.linalg.schedule.StepSchedule;
import org.sched4j.schedule.Schedule;
import org.sched4j.schedule.Unit;
import org.sched4j.spec.SpecException;

/**
 * Converts DL4J's built-in schedules ({@code org.nd4j.linalg.schedule}) into equal-valued {@code dl4j.*}
 * schedules counting the same unit, so an existing configuration gains the table and graph evaluators.
 */
public final class Dl4jSchedules {
    /** The converter of each supported class; exact classes only, as a subclass may compute anything. */
    private static final Map<Class<?>, Function<ISchedule, Schedule>> CONVERTERS = converters();

    private Dl4jSchedules() {
    }

    private static Map<Class<?>, Function<ISchedule, Schedule>> converters() {
        Map<Class<?>, Function<ISchedule, Schedule>> m = new LinkedHashMap<>();
        m.put(ExponentialSchedule.class, s -> {
            ExponentialSchedule e = (ExponentialSchedule) s;
            return Dl4j.exponential(e.getInitialValue(), e.getGamma()).withUnit(unit(e.getScheduleType()));
        });
        m.put(StepSchedule.class, s -> {
            StepSchedule e = (StepSchedule) s;
            return Dl4j.step(e.getInitialValue(), e.getDecayRate(), e.getStep()).withUnit(unit(e.getScheduleType()));
        });
        m.put(InverseSchedule.class, s -> {
            InverseSchedule e = (InverseSchedule) s;
            return Dl4j.inverse(e.getInitialValue(), e.getGamma(), e.getPower()).withUnit(unit(e.getScheduleType()));
        });
        m.put(PolySchedule.class, s -> {
            PolySchedule e = (PolySchedule) s;
            return Dl4j.poly(e.getInitialValue(), e.getPower(), e.getMaxIter()).withUnit(unit(e.getScheduleType()));
        });
        m.put(SigmoidSchedule.class, s -> {
            SigmoidSchedule e = (SigmoidSchedule) s;
            return Dl4j.sigmoid(e.getInitialValue(), e.getGamma(), e.getStepSize())
                    .withUnit(unit(e.getScheduleType()));
        });
        m.put(MapSchedule.class, s -> map((MapSchedule) s));
        m.put(CycleSchedule.class, s -> {
            CycleSchedule e = (CycleSchedule) s;
            // CycleSchedule alone tests "== EPOCH", so a null type counts iterations there.
            Unit u = e.getScheduleType() == ScheduleType.EPOCH ? Unit.EPOCH : Unit.ITERATION;
            return Dl4j.cycle(e.getInitialLearningRate(), e.getMaxLearningRate(), e.getCycleLength(),
                    e.getAnnealingLength(), e.getAnnealingDecay()).withUnit(u);
        });
        m.put(RampSchedule.class, s -> ramp((RampSchedule) s));
        m.put(FixedSchedule.class, s -> Dl4j.fixed(((FixedSchedule) s).getValue()));
        return m;
    }

    /**
     * The {@code dl4j.*} schedule computing what {@code schedule} computes, counting the same unit; a sched4j
     * {@link Schedule} is returned as it is.
     *
     * @throws IllegalArgumentException for a class that is not one of the nine built-ins (naming the supported
     *     ones), or for arguments that sched4j rejects (e.g. {@code maxIter < 1}), naming the argument
     */
    public static Schedule from(ISchedule schedule) {
        if (schedule == null) {
            throw new IllegalArgumentException("schedule: must not be null");
        }
        if (schedule instanceof Schedule s) {
            return s;
        }
        Function<ISchedule, Schedule> converter = CONVERTERS.get(schedule.getClass());
        if (converter == null) {
            throw new IllegalArgumentException("cannot convert " + schedule.getClass().getName() + ": supported are "
                    + String.join(", ", CONVERTERS.keySet().stream().map(Class::getSimpleName).toList())
                    + " (org.nd4j.linalg.schedule) and org.sched4j.schedule.Schedule");
        }
        try {
            return converter.apply(schedule);
        } catch (SpecException e) {
            throw new IllegalArgumentException("cannot convert " + schedule.getClass().getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * A copy of {@code updater} (Adam, Sgd, Nesterovs, ...) with every schedule it holds, the learning-rate
     * schedule and Nesterovs' momentum schedule included, converted by {@link #from}; the original is unchanged.
     */
    public static IUpdater convertUpdater(IUpdater updater) {
        IUpdater copy = updater.clone();
        for (Class<?> c = copy.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getType() == ISchedule.class && !Modifier.isStatic(f.getModifiers())) {
                    ISchedule s = (ISchedule) read(f, copy);
                    if (s != null) {
                        write(f, copy, from(s));
                    }
                }
            }
        }
        return copy;
    }

    /** Every DL4J schedule type but CycleSchedule tests {@code == ITERATION}: anything else reads the epoch. */
    private static Unit unit(ScheduleType type) {
        return type == ScheduleType.ITERATION ? Unit.ITERATION : Unit.EPOCH;
    }

    private static Schedule map(MapSchedule m) {
        Map<Integer, Double> values = m.getValues();
        int[] sorted = values.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        if (!Arrays.equals(sorted, m.getAllKeysSorted())) {
            throw new IllegalArgumentException("cannot convert MapSchedule: its values no longer match its sorted "
                    + "keys (changed through setValues), so DL4J's own lookups disagree with each other");
        }
        // Negative keys sort below the required key 0 and are never read for a step >= 0.
        Map<Integer, Double> read = new TreeMap<>(values);
        read.keySet().removeIf(k -> k < 0);
        return Dl4j.map(read).withUnit(unit(m.getScheduleType()));
    }

    private static Schedule ramp(RampSchedule r) {
        ISchedule base = (ISchedule) read(field(RampSchedule.class, "baseSchedule"), r);
        int numIter = (Integer) read(field(RampSchedule.class, "numIter"), r);
        Schedule converted = from(base);
        if (converted.unit() != Unit.ITERATION) {
            throw new IllegalArgumentException("cannot convert RampSchedule: its ramp counts iterations but its base "
                    + base.getClass().getSimpleName() + " counts epochs, and a sched4j schedule reads one counter");
        }
        return Dl4j.ramp(converted, numIter);
    }

    private static Field field(Class<?> owner, String name) {
        try {
            return owner.getDeclaredField(name);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + owner.getSimpleName() + "." + name, e);
        }
    }

    private static Object read(Field f, Object owner) {
        try {
            f.setAccessible(true);
            return f.get(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + f, e);
        }
    }

    private static void write(Field f, Object owner, Object value) {
        try {
            f.setAccessible(true);
            f.set(owner, value);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot write " + f, e);
        }
    }
}
