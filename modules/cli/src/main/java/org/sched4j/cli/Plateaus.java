package org.sched4j.cli;

import org.sched4j.schedule.Schedule;
import org.sched4j.spec.SpecException;

/** Runs a plateau schedule through a metric sequence for {@code eval}: the value in force at each step. */
final class Plateaus {
    private Plateaus() {
    }

    /**
     * Values at steps {@code start .. start + count - 1}, observing {@code metrics[i]} after step {@code i}.
     * Without metrics the value stays where the spec's state left it. With metrics, every step before the
     * last one asked for needs its metric (one more, for the last step, is accepted and not needed).
     */
    static double[] values(Schedule s, long start, int count, double[] metrics) {
        double[] out = new double[count];
        if (metrics == null) {
            for (int i = 0; i < count; i++) {
                out[i] = s.value(start + i);
            }
            return out;
        }
        long last = start + count - 1;
        if (metrics.length < last || metrics.length > last + 1) {
            throw new SpecException("metrics", "must give one metric per step from step 0 up to the last step "
                    + "asked for: " + Math.max(last, 0) + " or " + (last + 1) + " values (got " + metrics.length
                    + ")");
        }
        Schedule current = s;
        for (long step = 0; step <= last; step++) {
            if (step >= start) {
                out[(int) (step - start)] = current.value(step);
            }
            if (step < last) {
                current = observe(current, metrics[(int) step], step);
            }
        }
        return out;
    }

    private static Schedule observe(Schedule s, double metric, long step) {
        if (!Double.isFinite(metric)) {
            throw new SpecException("metrics[" + step + "]", "must be a finite number (got " + metric + ")");
        }
        return s.observe(metric);
    }
}
