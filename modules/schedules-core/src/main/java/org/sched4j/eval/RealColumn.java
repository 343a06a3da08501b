package org.sched4j.eval;

import java.util.Arrays;
import org.sched4j.expr.BinaryOp;
import org.sched4j.expr.UnaryOp;

/**
 * A DOUBLE column of a table block. Every element is what the scalar evaluator computes, bit for bit,
 * except where {@link Progressions} computes a cosine, sine, exponential or power of an affine argument
 * from a few values per block (within the bounds it checks).
 *
 * <p>An affine column (a cast step, then scalar ops with constants on it) carries its {@link #slope}: its
 * values are {@code at(0) + j * slope} up to {@link #deviation()}, a bound worked out for each block.
 */
abstract non-sealed class RealColumn extends Column {
    /** The increment per step where the column is affine in the step, else NaN. */
    final double slope;
    private double[] values;
    private int stamp = -1;
    private double first;
    private int firstStamp = -1;

    RealColumn(Block block, double slope) {
        super(block);
        this.slope = slope;
    }

    RealColumn(Block block) {
        this(block, Double.NaN);
    }

    boolean isAffine() {
        return !Double.isNaN(slope);
    }

    /** The values over the current block, computed on the first call in each block. */
    double[] values() {
        if (stamp != block.stamp) {
            if (values == null) {
                values = new double[Block.SIZE];
            }
            fill(values, block.length);
            stamp = block.stamp;
        }
        return values;
    }

    /** The value at offset {@code j} of the block, without computing the whole column. */
    double at(int j) {
        return stamp == block.stamp ? values[j] : compute(j);
    }

    /** The value at the block's first step, computed once per block. */
    double first() {
        if (firstStamp != block.stamp) {
            first = at(0);
            firstStamp = block.stamp;
        }
        return first;
    }

    abstract void fill(double[] out, int n);

    /**
     * The current block's values as float32, for a FLOAT table: its {@link #values()} rounded, unless the
     * column can compute them in float32 within the block's budget (a reduced cosine, sine, exponential or
     * power, or a chain of constant ops over one: {@link Progressions.Progression}).
     */
    void fillFloats(float[] out, int n) {
        round(values(), out, n);
    }

    /** {@code out[j] = (float) values[j]} for the first {@code n}. */
    static void round(double[] values, float[] out, int n) {
        for (int j = 0; j < n; j++) {
            out[j] = (float) values[j];
        }
    }

    /** The scalar evaluator's value at offset {@code j}. */
    abstract double compute(int j);

    /**
     * A bound on {@code |at(j) - (at(0) + j * slope)|} over the current block: infinite where the column is
     * not affine. Each op adds one ulp of its largest value (an affine column's largest magnitude is at an
     * end of the block) and the rounding of its slope over the block, and scales what its operand carried.
     */
    double deviation() {
        return Double.POSITIVE_INFINITY;
    }

    /** The largest magnitude of an affine column over the block (at one of its ends), with a 1/16 margin. */
    final double endMagnitude() {
        double x0 = first();
        return Math.max(Math.abs(x0), Math.abs(x0 + (block.length - 1) * slope)) * 1.0625;
    }

    /** What one more rounded op adds to a deviation: an ulp of the values and the slope's rounding. */
    final double ownRounding() {
        return Math.ulp(endMagnitude()) + Math.abs(slope) * block.length * 0x1p-52;
    }

    @Override
    boolean isConstant() {
        return false;
    }

    static RealColumn constant(Block block, double value) {
        return new Const(block, value);
    }

    /** INT64 to DOUBLE; an affine integer column within 2^53 converts by one add per element. */
    static RealColumn toReal(LongColumn x) {
        if (x instanceof LongColumn.Const c) {
            return new Const(x.block, c.value);
        }
        return new RealColumn(x.block, x.affine ? x.stride : Double.NaN) {
            @Override
            double deviation() {
                return !x.affine ? Double.POSITIVE_INFINITY : endMagnitude() < 0x1p53 ? 0 : ownRounding();
            }

            @Override
            void fill(double[] out, int n) {
                if (x.affine) {
                    long first = x.at(0);
                    double last = (double) first + (double) (n - 1) * x.stride;
                    if (Math.abs((double) first) < 0x1p53 && Math.abs(last) < 0x1p53) {
                        double f = first;
                        double s = x.stride;
                        double[] iota = Block.IOTA;
                        for (int j = 0; j < n; j++) {
                            out[j] = f + iota[j] * s;
                        }
                        return;
                    }
                }
                long[] v = x.values();
                for (int j = 0; j < n; j++) {
                    out[j] = v[j];
                }
            }

            @Override
            double compute(int j) {
                return x.at(j);
            }
        };
    }

    /** {@code op(a, b)} with {@link BinaryOp#apply(double, double)}'s semantics. */
    static RealColumn binary(BinaryOp op, RealColumn a, RealColumn b) {
        Block block = a.block;
        if (a instanceof Const x && b instanceof Const y) {
            return new Const(block, op.apply(x.value, y.value));
        }
        if (op == BinaryOp.POW && a instanceof Const base && b.isAffine()) {
            RealColumn reduced = Progressions.power(base.value, b);
            if (reduced != null) {
                return reduced;
            }
        }
        if (b instanceof Const k || a instanceof Const) {
            RealColumn mapped = b instanceof Const k ? MappedColumn.of(op, a, k.value, false)
                    : MappedColumn.of(op, b, ((Const) a).value, true);
            if (mapped != null) {
                return mapped;
            }
        }
        // Ops with one constant operand other than a division by it are mapped columns by now.
        double slope = Double.NaN;
        if ((op == BinaryOp.ADD || op == BinaryOp.SUB) && a.isAffine() && b.isAffine()) {
            slope = op == BinaryOp.ADD ? a.slope + b.slope : a.slope - b.slope;
        } else if (op == BinaryOp.DIV && b instanceof Const c) {
            slope = a.slope / c.value;
        }
        if (Double.isInfinite(slope)) {
            slope = Double.NaN;
        }
        return new RealColumn(block, slope) {
            @Override
            double deviation() {
                if (!isAffine()) {
                    return Double.POSITIVE_INFINITY;
                }
                double carried = op == BinaryOp.DIV ? a.deviation() / Math.abs(((Const) b).value)
                        : a.deviation() + b.deviation();
                return carried + ownRounding();
            }

            @Override
            void fill(double[] out, int n) {
                if (b instanceof Const k) {
                    RealLoops.withConstant(op, a.values(), k.value, out, n);
                } else if (a instanceof Const k && op != BinaryOp.POW && op != BinaryOp.FLOOR_DIV
                        && op != BinaryOp.FLOOR_MOD) {
                    RealLoops.constantWith(op, k.value, b.values(), out, n);
                } else {
                    RealLoops.elementwise(op, a.values(), b.values(), out, n);
                }
            }

            @Override
            double compute(int j) {
                return op.apply(a.at(j), b.at(j));
            }
        };
    }

    /** {@code op(x)} with {@link UnaryOp#apply}'s semantics. */
    static RealColumn unary(UnaryOp op, RealColumn x) {
        if (x instanceof Const c) {
            return new Const(x.block, op.apply(c.value));
        }
        if (x.isAffine() && (op == UnaryOp.COS || op == UnaryOp.SIN)) {
            return Progressions.trig(op, x);
        }
        if (x.isAffine() && op == UnaryOp.EXP) {
            return Progressions.exp(x);
        }
        boolean neg = op == UnaryOp.NEG;
        return new RealColumn(x.block, neg ? -x.slope : Double.NaN) {
            @Override
            double deviation() {
                return neg ? x.deviation() : Double.POSITIVE_INFINITY;
            }

            @Override
            void fill(double[] out, int n) {
                double[] v = x.values();
                if (neg) {
                    for (int j = 0; j < n; j++) {
                        out[j] = -v[j];
                    }
                } else {
                    for (int j = 0; j < n; j++) {
                        out[j] = op.apply(v[j]);
                    }
                }
            }

            @Override
            double compute(int j) {
                return op.apply(x.at(j));
            }
        };
    }

    /** {@code condition ? a : b} elementwise. */
    static RealColumn select(BoolColumn condition, RealColumn a, RealColumn b) {
        if (condition instanceof BoolColumn.Const c) {
            return c.value ? a : b;
        }
        return new RealColumn(a.block) {
            @Override
            void fill(double[] out, int n) {
                boolean[] c = condition.values();
                double[] x = a.values();
                double[] y = b.values();
                for (int j = 0; j < n; j++) {
                    out[j] = c[j] ? x[j] : y[j];
                }
            }

            @Override
            double compute(int j) {
                return condition.at(j) ? a.at(j) : b.at(j);
            }
        };
    }

    /** {@code table[index]} for an index already clamped into the table. */
    static RealColumn gather(double[] table, LongColumn index) {
        if (index instanceof LongColumn.Const c) {
            return new Const(index.block, table[(int) c.value]);
        }
        return new RealColumn(index.block) {
            @Override
            void fill(double[] out, int n) {
                long[] i = index.values();
                for (int j = 0; j < n; j++) {
                    out[j] = table[(int) i[j]];
                }
            }

            @Override
            double compute(int j) {
                return table[(int) index.at(j)];
            }
        };
    }

    /** One value at every step; its array is filled once. */
    static final class Const extends RealColumn {
        final double value;
        private final double[] filled = new double[Block.SIZE];

        private Const(Block block, double value) {
            super(block, 0.0);
            this.value = value;
            Arrays.fill(filled, value);
        }

        @Override
        double[] values() {
            return filled;
        }

        @Override
        double at(int j) {
            return value;
        }

        @Override
        void fill(double[] out, int n) {
            Arrays.fill(out, 0, n, value);
        }

        @Override
        double compute(int j) {
            return value;
        }

        @Override
        double deviation() {
            return 0;
        }

        @Override
        boolean isConstant() {
            return true;
        }
    }
}
