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
 * {@code |x| >= bound / budget}. Elsewhere (for a double table about 1.4% of a cosine decay's steps, for a
 * float32 one 0.06%) the block calls {@code Math} per step.
 *
 * <p>A FLOAT table asks each block for float32 values ({@link RealColumn#fillFloats}): these columns, and a
 * chain of constant ops over them, then compute in float32 by {@link #offsetFloats} where its own bound
 * allows (all but 0.5% of a cosine decay's steps), else round their doubles.
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
    /** Float32's unit roundoff. */
    private static final double FLOAT_ROUNDING = 0x1p-24;

    private Progressions() {
    }

    /** The budget for values returned as {@code type}. */
    static double budget(DataType type) {
        return type == DataType.DOUBLE ? DOUBLE_BUDGET : FLOAT_BUDGET;
    }

    /** {@code cos x} or {@code sin x} of an affine column. */
    static RealColumn trig(UnaryOp op, RealColumn x) {
        return new Rotation(op, x);
    }

    /**
     * A reduced column, which can also write a FLOAT table's values in float32 arithmetic, mapped by a chain of
     * constant ops ({@link MappedColumn}): float32 lanes are twice as many per vector as double ones, and
     * HotSpot 17 does not vectorize the double-to-float cast that rounding doubles needs.
     */
    abstract static class Progression extends RealColumn {
        /** No ops: the column's own values. */
        static final double[] NONE = {};

        Progression(Block block) {
            super(block);
        }

        /**
         * Writes {@code map(value)} in float32 for the block's {@code n} steps, {@code map(v)} being {@code v *
         * m[i] + a[i]} for each {@code i} in turn, and returns true; or returns false, writing nothing, where
         * the error bound of the float32 form passes the block's budget.
         */
        abstract boolean mappedFloats(float[] out, int n, double[] m, double[] a);

        @Override
        final void fillFloats(float[] out, int n) {
            if (!mappedFloats(out, n, NONE, NONE)) {
                super.fillFloats(out, n);
            }
        }
    }

    /**
     * A per-column table for {@link #offsetFloats}: its values in double (for the bound) and rounded to float32
     * (for the loop). Made on a block's first request for float32 values, so a DOUBLE table never makes one.
     */
    record OffsetTable(double[] exact, float[] rounded) {
        static OffsetTable of(double[] exact) {
            float[] rounded = new float[exact.length];
            RealColumn.round(exact, rounded, exact.length);
            return new OffsetTable(exact, rounded);
        }
    }

    /**
     * Float32 values of {@code map(r_j)}, where {@code r_j = p + alpha * t1[j] + beta * t2[j]} (tables {@code
     * t1[0] = t2[0] = 0}, growing in magnitude with {@code j}; {@code t2} null for none) is within {@code
     * error} of the reference value at offset {@code j}, or false where the bound passes {@code budget}.
     *
     * <p>The offset form keeps the large part exact: {@code map(p)} is computed in double and split into two
     * floats {@code hi + lo}; only the small change over the block, {@code P t1[j] + Q t2[j]} ({@code P, Q}
     * the coefficients scaled by the chain), is float32 arithmetic. Its bound: the reference error scaled by
     * the chain, the double rounding of the chain at both the anchor and the reference (an ulp of each
     * intermediate's largest value, intermediates being monotone over a monotone block), eight float32
     * roundings of the change's largest magnitude (the tables, the coefficients, two products, two sums),
     * and {@code lo}'s own rounding. The final {@code hi + ...} is the output's rounding, as the cast of a
     * double is. It must stay under {@code budget} times the smallest value over the block, the values
     * keeping one sign and within float32's normal range.
     */
    static boolean offsetFloats(float[] out, int n, double p, double alpha, double beta, OffsetTable t1,
            OffsetTable t2, double error, double[] m, double[] a, double budget) {
        int last = n - 1;
        double v0 = p;
        double vEnd = p + alpha * t1.exact()[last] + (t2 == null ? 0 : beta * t2.exact()[last]);
        double scale = 1;
        double chainRounding = 0;
        for (int i = 0; i < m.length; i++) {
            v0 = v0 * m[i] + a[i];
            vEnd = vEnd * m[i] + a[i];
            scale *= m[i];
            chainRounding = chainRounding * Math.abs(m[i])
                    + Math.ulp(Math.max(Math.abs(v0), Math.abs(vEnd)) * 1.0625);
        }
        double pa = scale * alpha;
        double pb = scale * beta;
        double change = Math.abs(pa * t1.exact()[last]) + (t2 == null ? 0 : Math.abs(pb * t2.exact()[last]));
        double bound = Math.abs(scale) * error + 2 * chainRounding + 8 * FLOAT_ROUNDING * change
                + FLOAT_ROUNDING * FLOAT_ROUNDING * 4 * Math.abs(v0);
        double smallest = Math.min(Math.abs(v0), Math.abs(vEnd)) / 1.0625;
        double largest = Math.max(Math.abs(v0), Math.abs(vEnd)) * 1.0625;
        if (!(Math.signum(v0) == Math.signum(vEnd) && smallest >= 0x1p-100 && largest <= 0x1p100
                && bound <= budget * smallest)) {
            return false;
        }
        float hi = (float) v0;
        float lo = (float) (v0 - hi);
        float fa = (float) pa;
        float[] f1 = t1.rounded();
        if (t2 == null) {
            for (int j = 0; j < n; j++) {
                out[j] = hi + (lo + fa * f1[j]);
            }
        } else {
            float fb = (float) pb;
            float[] f2 = t2.rounded();
            for (int j = 0; j < n; j++) {
                out[j] = hi + (lo + (fa * f1[j] + fb * f2[j]));
            }
        }
        return true;
    }

    /** A cosine or sine by angle addition; a {@link MappedColumn} over it applies its ops in the same loop. */
    static final class Rotation extends Progression {
        private final boolean cos;
        private final UnaryOp op;
        private final RealColumn x;
        /** {@code cos jk} and {@code sin jk}. */
        private final double[] cosJk = new double[Block.SIZE];
        private final double[] sinJk = new double[Block.SIZE];
        /** For the float32 form, made on its first use: {@code cos jk - 1} and {@code sin jk}. */
        private OffsetTable cosJkMinus1;
        private OffsetTable sinJkOffsets;

        private Rotation(UnaryOp op, RealColumn x) {
            super(x.block);
            this.op = op;
            this.cos = op == UnaryOp.COS;
            this.x = x;
            double k = x.slope;
            for (int j = 0; j < Block.SIZE; j++) {
                cosJk[j] = Math.cos(j * k);
                sinJk[j] = Math.sin(j * k);
            }
        }

        /** Whether the block's arguments {@code x0 .. x1} lie within one quadrant (cos and sin monotone). */
        private static boolean withinQuadrant(double x0, double x1) {
            return Math.floor(x0 / HALF_PI) == Math.floor(x1 / HALF_PI);
        }

        @Override
        void fill(double[] out, int n) {
            fillMapped(out, n, NONE, NONE);
        }

        /** The rotation's error against {@code Math} per step: the argument's deviation and its own rounding. */
        private double bound(int n) {
            return x.deviation() + Math.abs((n - 1) * x.slope) * 0x1p-53 + OWN;
        }

        /**
         * {@code cos(x0 + jk) = c0 + c0 (cos jk - 1) - s0 sin jk}, {@code sin(x0 + jk) = s0 + s0 (cos jk - 1) +
         * c0 sin jk} in {@link #offsetFloats}' form, over a block within one quadrant and a quarter turn.
         */
        @Override
        boolean mappedFloats(float[] out, int n, double[] m, double[] a) {
            double k = x.slope;
            double x0 = x.first();
            double x1 = x0 + (n - 1) * k;
            if (!(Math.abs((n - 1) * k) <= HALF_PI) || !withinQuadrant(x0, x1)) {
                return false;
            }
            if (cosJkMinus1 == null) {
                double[] minus1 = new double[Block.SIZE];
                for (int j = 0; j < Block.SIZE; j++) {
                    double half = Math.sin(j * k / 2);
                    minus1[j] = -2 * half * half; // cos jk - 1 without cancelling
                }
                cosJkMinus1 = OffsetTable.of(minus1);
                sinJkOffsets = OffsetTable.of(sinJk);
            }
            double c0 = Math.cos(x0);
            double s0 = Math.sin(x0);
            double p = cos ? c0 : s0;
            double q = cos ? -s0 : c0;
            // the reference's own Math call is within an ulp of the exact value, as the anchor is
            return offsetFloats(out, n, p, p, q, cosJkMinus1, sinJkOffsets, bound(n) + 0x1p-52, m, a,
                    x.block.budget);
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
            double bound = bound(n);
            if (!withinQuadrant(x0, x1) || bound > x.block.budget * margin * margin) {
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
        return new Geometric(x, base, logBase, e);
    }

    /** An exponential or power by products with {@code base^jk}; a {@link MappedColumn} maps it in float32. */
    private static final class Geometric extends Progression {
        private final RealColumn x;
        private final double base;
        private final boolean e;
        private final double logBase;
        private final double scale;
        /** {@code base^jk}. */
        private final double[] factors = new double[Block.SIZE];
        /** For the float32 form, made on its first use: {@code base^jk - 1} by {@code expm1} (without cancelling). */
        private OffsetTable factorsMinus1;

        private Geometric(RealColumn x, double base, double logBase, boolean e) {
            super(x.block);
            this.x = x;
            this.base = base;
            this.e = e;
            this.logBase = logBase;
            this.scale = Math.abs(logBase);
            double k = x.slope;
            for (int j = 0; j < Block.SIZE; j++) {
                factors[j] = value(j * k);
            }
        }

        /** {@code base^v} as the scalar evaluator computes it: {@code Math.exp} where {@code e}, else {@code pow}. */
        private double value(double v) {
            return e ? Math.exp(v) : Math.pow(base, v);
        }

        /** Whether a block from {@code p0} to {@code p1} may be reduced: a bounded span, no overflow or underflow. */
        private boolean spanFits(int n, double p0, double p1) {
            return Math.abs((n - 1) * x.slope) * scale <= MAX_SPAN && normal(p0) && normal(p1);
        }

        /** The product's error against {@code Math} per step, relative: the argument's deviation and rounding. */
        private double bound(int n) {
            return x.deviation() * scale + Math.abs((n - 1) * x.slope) * scale * 0x1p-53 + OWN;
        }

        @Override
        void fill(double[] out, int n) {
            double k = x.slope;
            double x0 = x.first();
            double x1 = x0 + (n - 1) * k;
            double p0 = value(x0);
            double p1 = p0 * factors[n - 1];
            double smallest = Math.min(Math.abs(x0), Math.abs(x1)) * scale;
            if (Math.signum(x0) == Math.signum(x1) && spanFits(n, p0, p1)
                    && bound(n) <= x.block.budget * Math.min(1, smallest)) {
                for (int j = 0; j < n; j++) {
                    out[j] = p0 * factors[j];
                }
            } else {
                double[] v = x.values();
                for (int j = 0; j < n; j++) {
                    out[j] = value(v[j]);
                }
            }
        }

        /** {@code base^(x0 + jk) = p0 + p0 (base^jk - 1)} in {@link #offsetFloats}' form. */
        @Override
        boolean mappedFloats(float[] out, int n, double[] m, double[] a) {
            double p0 = value(x.first());
            double p1 = p0 * factors[n - 1];
            if (!spanFits(n, p0, p1)) {
                return false;
            }
            if (factorsMinus1 == null) {
                double[] minus1 = new double[Block.SIZE];
                for (int j = 0; j < Block.SIZE; j++) {
                    minus1[j] = Math.expm1(e ? j * x.slope : j * x.slope * logBase);
                }
                factorsMinus1 = OffsetTable.of(minus1);
            }
            // relative to the larger end; the reference's own Math call adds an ulp, as the anchor's does
            double error = (bound(n) + 0x1p-52) * Math.max(p0, p1);
            return offsetFloats(out, n, p0, p0, 0, factorsMinus1, null, error, m, a, x.block.budget);
        }

        @Override
        double compute(int j) {
            return value(x.at(j));
        }
    }

    private static boolean normal(double v) {
        return v >= Double.MIN_NORMAL && v <= Double.MAX_VALUE;
    }
}
