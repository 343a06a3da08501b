package org.sched4j;

import static org.assertj.core.api.Assertions.fail;

/** Test helper: relative comparison with the project's tolerances (1e-9 double, 2e-6 float32). */
public final class Close {
    /** Double-precision evaluators. */
    public static final double DOUBLE = 1e-9;
    /** Float32 evaluators. */
    public static final double FLOAT = 2e-6;

    private Close() {
    }

    /**
     * Asserts {@code |actual - expected| <= tol * |expected|} element by element; an absolute slack of
     * {@code tol * 1e-9} lets values that should be exactly 0 carry rounding noise.
     */
    public static void assertClose(String what, double[] expected, double[] actual, long firstStep, double tol) {
        if (expected.length != actual.length) {
            fail(what + ": expected " + expected.length + " values, got " + actual.length);
        }
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double a = actual[i];
            if (!(Math.abs(a - e) <= tol * Math.abs(e) + tol * 1e-9)) {
                fail(what + ": at step " + (firstStep + i) + " expected " + e + " but got " + a + " (relative error "
                        + Math.abs(a - e) / Math.abs(e) + ", tolerance " + tol + ")");
            }
        }
    }
}
