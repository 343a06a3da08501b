package org.sched4j.benchmarks;

import org.nd4j.linalg.schedule.ISchedule;

/** Guards a comparison: the two sides of a benchmark must compute the same values, or the timing means nothing. */
final class Agreement {
    private Agreement() {
    }

    /** Fails the benchmark's setup unless {@code ours} equals {@code theirs} at every iteration (1e-12 relative). */
    static void require(String what, ISchedule ours, ISchedule theirs, int[] iterations) {
        for (int i : iterations) {
            double a = ours.valueAt(i, 0);
            double b = theirs.valueAt(i, 0);
            if (!(Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b)))) {
                throw new IllegalStateException(what + ": the schedules differ at iteration " + i + " (" + a
                        + " vs " + b + "), so the timings would not compare equal work");
            }
        }
    }
}
