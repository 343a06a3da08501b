package org.sched4j.eval;

import org.nd4j.linalg.api.buffer.DataType;
import org.sched4j.expr.UnaryOp;

/**
 * Cosines, sines, exponentials and powers of an affine column, from a few library calls per block instead of
 * one per step: {@code cos(x0 + j k) = cos x0 cos jk - sin x0 sin jk} (and the sine's twin), {@code
 * exp(x0 + j k) = exp x0 * exp jk}, {@code b^(x0 + j k) = b^x0 * b^jk}, with the {@code jk} factors
 * tabulated once per column.
 *
 * <p>These differ from the scalar evaluator's per-step {@code Math} calls by a few ulp, so each block
 * first bounds its error (the argument's {@link RealColumn#deviation()}, the rounding of {@code jk} and of
 * the reduction itself) and uses the reduction only where that bound, relative to the values it
 * produces, is under the block's budget: 1/100 of the tolerance of the type the values are returned in
 * ({@link #budget}). A relative bound needs the values
 * away from 0, and so do {@code 1 - cos}, {@code 1 + cos} and {@code 1 - exp} built from them: a cosine or
 * sine is reduced only where {@code |sin|} and {@code |cos|} stay at least {@code m} over the block (the
 * bound must be under {@code budget * m^2}), an exponential only where its argument keeps one sign and
 * {@code |x| >= bound / budget}. Elsewhere (for a double table about 1.3% of a cosine decay's steps, for a
 * float32 one 0.03%) the block calls {@code Math} per step.
 */
final class Progressions {
    /** The largest relative error a reduced block may add to doubles: 1/100 of the 1e-9 double tolerance. */
    static final double DOUBLE_BUDGET = 1e-11;
    /**
     * The same for values returned in float32 or narrower: 1/100 of the 2e-6 float32 tolerance, still under a
     * third of float32's own rounding (2^-24 relative).
     */
    static final double FLOAT_BUDGET = 2e-8;
    /** The reduction's own rounding: the anchor and table values (1 ulp each), two products and a sum. */
    private static final double OWN = 8 * 0x1p-53;
    private static final double HALF_PI = Math.PI / 2;
    /** The widest exponent range a block may span, so the tabulated factors neither overflow nor vanish. */
    private static final double MAX_SPAN = 700;

    private Progressions() {
    }

    /** The budget for values returned as {@code type}. */
    static double budget(DataType type) {
        return type == DataType.DOUBLE ? DOUBLE_BUDGET : FLOAT_BUDGET;
    }

    /** {@code cos x} or {@code sin x} of an affine column. */
    static RealColumn trig(UnaryOp op, RealColumn x) {
        double k = x.slope;
        double[] cosJk = new double[Block.SIZE];
        double[] sinJk = new double[Block.SIZE];
        for (int j = 0; j < Block.SIZE; j++) {
            cosJk[j] = Math.cos(j * k);
            sinJk[j] = Math.sin(j * k);
        }
        return new Rotation(op, x, cosJk, sinJk);
    }

    /** A cosine or sine by angle addition; a {@link MappedColumn} over it applies its ops in the same loop. */
    static final class Rotation extends RealColumn {
        private static final double[] NONE = {};
        private final boolean cos;
        private final UnaryOp op;
        private final RealColumn x;
        private final double[] cosJk;
        private final double[] sinJk;

        private Rotation(UnaryOp op, RealColumn x, double[] cosJk, double[] sinJk) {
            super(x.block);
            this.op = op;
            this.cos = op == UnaryOp.COS;
            this.x = x;
            this.cosJk = cosJk;
            this.sinJk = sinJk;
        }

        @Override
        void fill(double[] out, int n) {
            fillMapped(out, n, NONE, NONE);
        }

        /** The values, each then mapped by {@code v * m[i] + a[i]} in turn (see {@link MappedColumn}). */
        void fillMapped(double[] out, int n, double[] m, double[] a) {
            double k = x.slope;
            double x0 = x.first();
            double x1 = x0 + (n - 1) * k;
            double c0 = Math.cos(x0);
            double s0 = Math.sin(x0);
            // The far end by the same rotation: its error is far below the margin m is compared with.
            double c1 = c0 * cosJk[n - 1] - s0 * sinJk[n - 1];
            double s1 = s0 * cosJk[n - 1] + c0 * sinJk[n - 1];
            double margin = Math.min(Math.min(Math.abs(c0), Math.abs(s0)), Math.min(Math.abs(c1), Math.abs(s1)));
            double bound = x.deviation() + Math.abs((n - 1) * k) * 0x1p-53 + OWN;
            if (Math.floor(x0 / HALF_PI) != Math.floor(x1 / HALF_PI) || bound > x.block.budget * margin * margin) {
                double[] v = x.values();
                for (int j = 0; j < n; j++) {
                    out[j] = op.apply(v[j]);
                }
                if (m.length > 0) {
                    MappedColumn.map(out, out, n, m, a);
                }
                return;
            }
            // cos(x0 + jk) = c0 cos jk - s0 sin jk;  sin(x0 + jk) = c0 sin jk + s0 cos jk
            double p = cos ? c0 : s0;
            double q = cos ? -s0 : c0;
            switch (m.length) {
                case 0:
                    for (int j = 0; j < n; j++) {
                        out[j] = p * cosJk[j] + q * sinJk[j];
                    }
                    break;
                case 1: {
                    double m0 = m[0];
                    double a0 = a[0];
                    for (int j = 0; j < n; j++) {
                        out[j] = (p * cosJk[j] + q * sinJk[j]) * m0 + a0;
                    }
                    break;
                }
                case 2: {
                    double m0 = m[0];
                    double a0 = a[0];
                    double m1 = m[1];
                    double a1 = a[1];
                    for (int j = 0; j < n; j++) {
                        out[j] = ((p * cosJk[j] + q * sinJk[j]) * m0 + a0) * m1 + a1;
                    }
                    break;
                }
                default:
                    for (int j = 0; j < n; j++) {
                        out[j] = p * cosJk[j] + q * sinJk[j];
                    }
                    MappedColumn.map(out, out, n, m, a);
                    break;
            }
        }

        @Override
        double compute(int j) {
            return op.apply(x.at(j));
        }
    }

    /** {@code exp x} of an affine column. */
    static RealColumn exp(RealColumn x) {
        return geometric(x, Math.E, 1.0, true);
    }

    /**
     * {@code base^x} of an affine column, or null where the base is not a finite positive number other than
     * 1 (those keep {@code Math.pow} per step).
     */
    static RealColumn power(double base, RealColumn x) {
        if (!(base > 0) || base == 1 || Double.isInfinite(base)) {
            return null;
        }
        return geometric(x, base, Math.log(base), false);
    }

    /** {@code base^x}, {@code logBase = ln base}; by {@code Math.exp} where {@code e}, else {@code Math.pow}. */
    private static RealColumn geometric(RealColumn x, double base, double logBase, boolean e) {
        double k = x.slope;
        double[] factors = new double[Block.SIZE];
        for (int j = 0; j < Block.SIZE; j++) {
            factors[j] = e ? Math.exp(j * k) : Math.pow(base, j * k);
        }
        double scale = Math.abs(logBase);
        return new RealColumn(x.block) {
            @Override
            void fill(double[] out, int n) {
                double x0 = x.first();
                double x1 = x0 + (n - 1) * k;
                double p0 = e ? Math.exp(x0) : Math.pow(base, x0);
                double p1 = p0 * factors[n - 1];
                double span = Math.abs((n - 1) * k) * scale;
                double bound = x.deviation() * scale + span * 0x1p-53 + OWN;
                double smallest = Math.min(Math.abs(x0), Math.abs(x1)) * scale;
                if (Math.signum(x0) == Math.signum(x1) && span <= MAX_SPAN && normal(p0) && normal(p1)
                        && bound <= x.block.budget * Math.min(1, smallest)) {
                    for (int j = 0; j < n; j++) {
                        out[j] = p0 * factors[j];
                    }
                } else {
                    double[] v = x.values();
                    for (int j = 0; j < n; j++) {
                        out[j] = e ? Math.exp(v[j]) : Math.pow(base, v[j]);
                    }
                }
            }

            @Override
            double compute(int j) {
                return e ? Math.exp(x.at(j)) : Math.pow(base, x.at(j));
            }
        };
    }

    private static boolean normal(double v) {
        return v >= Double.MIN_NORMAL && v <= Double.MAX_VALUE;
    }
}
