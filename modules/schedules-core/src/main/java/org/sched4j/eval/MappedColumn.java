package org.sched4j.eval;

import java.util.Arrays;
import org.sched4j.expr.BinaryOp;

/**
 * A chain of ops with a constant ({@code x + k}, {@code x - k}, {@code k - x}, {@code x * k}, {@code k * x})
 * over one column, applied in one loop instead of one pass per op. Each op is written {@code v * m + a},
 * which IEEE arithmetic makes the op itself bit for bit: {@code x * 1 = x}, {@code x - k = x + (-k)},
 * {@code k - x = x * -1 + k}, and a product's {@code + (-0.0)} changes nothing, not even a zero's sign.
 */
final class MappedColumn extends RealColumn {
    /** Ops fused into one loop; a longer chain maps a mapped column. */
    static final int MAX_OPS = 3;

    private final RealColumn base;
    private final double[] m;
    private final double[] a;
    /** The column under every mapped column of this chain, and all their ops from it outwards. */
    private final RealColumn root;
    private final double[] allM;
    private final double[] allA;

    private MappedColumn(RealColumn base, double[] m, double[] a, double slope) {
        super(base.block, slope);
        this.base = base;
        this.m = m;
        this.a = a;
        if (base instanceof MappedColumn inner) {
            root = inner.root;
            allM = concat(inner.allM, m);
            allA = concat(inner.allA, a);
        } else {
            root = base;
            allM = m;
            allA = a;
        }
    }

    private static double[] concat(double[] x, double[] y) {
        double[] both = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, both, x.length, y.length);
        return both;
    }

    /**
     * {@code op(x, k)} ({@code op(k, x)} where {@code constantFirst}) as a mapped column, or null for an
     * operator other than ADD, SUB and MUL.
     */
    static RealColumn of(BinaryOp op, RealColumn x, double k, boolean constantFirst) {
        double mul;
        double add;
        switch (op) {
            case ADD:
                mul = 1;
                add = k;
                break;
            case SUB:
                mul = constantFirst ? -1 : 1;
                add = constantFirst ? k : -k;
                break;
            case MUL:
                mul = k;
                add = -0.0;
                break;
            default:
                return null;
        }
        double slope = x.slope * mul;
        if (Double.isInfinite(slope)) {
            slope = Double.NaN;
        }
        if (x instanceof MappedColumn c && c.m.length < MAX_OPS) {
            double[] m = Arrays.copyOf(c.m, c.m.length + 1);
            double[] a = Arrays.copyOf(c.a, c.a.length + 1);
            m[c.m.length] = mul;
            a[c.a.length] = add;
            return new MappedColumn(c.base, m, a, slope);
        }
        return new MappedColumn(x, new double[] {mul}, new double[] {add}, slope);
    }

    @Override
    void fill(double[] out, int n) {
        if (base instanceof Progressions.Rotation r) {
            r.fillMapped(out, n, m, a);
        } else {
            map(base.values(), out, n, m, a);
        }
    }

    /** Over a reduced column, the whole chain in float32 where its bound allows; else the doubles rounded. */
    @Override
    void fillFloats(float[] out, int n) {
        if (!(root instanceof Progressions.Progression p && p.mappedFloats(out, n, allM, allA))) {
            super.fillFloats(out, n);
        }
    }

    /** {@code out[j] = map(x[j])}, one loop for each chain length. */
    static void map(double[] x, double[] out, int n, double[] m, double[] a) {
        double m0 = m[0];
        double a0 = a[0];
        switch (m.length) {
            case 1:
                for (int j = 0; j < n; j++) {
                    out[j] = x[j] * m0 + a0;
                }
                break;
            case 2: {
                double m1 = m[1];
                double a1 = a[1];
                for (int j = 0; j < n; j++) {
                    out[j] = (x[j] * m0 + a0) * m1 + a1;
                }
                break;
            }
            default: {
                double m1 = m[1];
                double a1 = a[1];
                double m2 = m[2];
                double a2 = a[2];
                for (int j = 0; j < n; j++) {
                    out[j] = ((x[j] * m0 + a0) * m1 + a1) * m2 + a2;
                }
                break;
            }
        }
    }

    @Override
    double compute(int j) {
        double v = base.at(j);
        for (int i = 0; i < m.length; i++) {
            v = v * m[i] + a[i];
        }
        return v;
    }

    /** Each op scales what its operand carried by {@code |m|} and adds one ulp of its own largest value. */
    @Override
    double deviation() {
        if (!isAffine()) {
            return Double.POSITIVE_INFINITY;
        }
        double d = base.deviation();
        double first = base.first();
        double last = first + (block.length - 1) * base.slope;
        double slope = base.slope;
        for (int i = 0; i < m.length; i++) {
            first = first * m[i] + a[i];
            last = last * m[i] + a[i];
            slope *= m[i];
            double magnitude = Math.max(Math.abs(first), Math.abs(last)) * 1.0625;
            d = d * Math.abs(m[i]) + Math.ulp(magnitude) + Math.abs(slope) * block.length * 0x1p-52;
        }
        return d;
    }
}
