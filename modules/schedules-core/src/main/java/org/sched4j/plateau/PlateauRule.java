package org.sched4j.plateau;

/**
 * The rules of a plateau schedule, with PyTorch 1.13 ReduceLROnPlateau's semantics: after more than
 * {@code patience} observations without improvement the value becomes {@code max(value * factor, min)}
 * (skipped when the change is at most {@code eps}), then {@code cooldown} observations pass in which bad
 * epochs are not counted.
 *
 * @param maximize whether a larger metric is better (mode max)
 * @param factor the multiplier applied on a plateau, in [0, 1)
 * @param patience observations without improvement tolerated
 * @param threshold how much better a metric must be to count as an improvement
 * @param relative whether {@code threshold} is relative (rel) or absolute (abs)
 * @param cooldown observations after a reduction in which bad epochs are ignored
 * @param minValue the value never goes below this
 * @param eps reductions smaller than this are skipped
 */
public record PlateauRule(boolean maximize, double factor, long patience, double threshold, boolean relative,
        long cooldown, double minValue, double eps) {

    /** Whether {@code metric} improves on {@code best} (PyTorch's {@code is_better}). */
    public boolean isBetter(double metric, double best) {
        if (maximize) {
            return relative ? metric > best * (threshold + 1) : metric > best + threshold;
        }
        return relative ? metric < best * (1 - threshold) : metric < best - threshold;
    }

    /** The state after observing {@code metric}, given the schedule's initial value. */
    public PlateauState observe(PlateauState s, double metric, double initial) {
        if (!Double.isFinite(metric)) {
            throw new IllegalArgumentException("metric: must be a finite number (got " + metric + ")");
        }
        double best = s.best() == null ? (maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY) : s.best();
        long bad = s.badEpochs();
        if (isBetter(metric, best)) {
            best = metric;
            bad = 0;
        } else {
            bad++;
        }
        long cooldownLeft = s.cooldownLeft();
        if (cooldownLeft > 0) {
            cooldownLeft--;
            bad = 0;
        }
        Double value = s.value();
        if (bad > patience) {
            double old = s.valueOr(initial);
            double reduced = Math.max(old * factor, minValue);
            if (old - reduced > eps) {
                value = reduced;
            }
            cooldownLeft = cooldown;
            bad = 0;
        }
        return new PlateauState(s.observed() + 1, value, best, bad, cooldownLeft);
    }
}
