package org.sched4j.eval;

import java.util.Arrays;
import org.sched4j.expr.BinaryOp;

/**
 * An INT64 column of a table block: the step, exact integer arithmetic on it, a milestone count. An
 * affine column ({@code first + j * stride} in every block: the step and sums and multiples of it) says so,
 * so that its real conversion is one vectorized add.
 */
abstract non-sealed class LongColumn extends Column {
    /** Whether the column is exactly {@code at(0) + j * stride} in every block. */
    final boolean affine;
    final long stride;
    private long[] values;
    private int stamp = -1;

    private LongColumn(Block block, boolean affine, long stride) {
        super(block);
        this.affine = affine;
        this.stride = stride;
    }

    /** The values over the current block, computed on the first call in each block. */
    long[] values() {
        if (stamp != block.stamp) {
            if (values == null) {
                values = new long[Block.SIZE];
            }
            fill(values, block.length);
            stamp = block.stamp;
        }
        return values;
    }

    /** The value at offset {@code j} of the block, without computing the whole column. */
    long at(int j) {
        return stamp == block.stamp ? values[j] : compute(j);
    }

    abstract void fill(long[] out, int n);

    abstract long compute(int j);

    @Override
    boolean isConstant() {
        return false;
    }

    static LongColumn constant(Block block, long value) {
        return new Const(block, value);
    }

    static LongColumn step(Block block) {
        return new LongColumn(block, true, 1) {
            @Override
            void fill(long[] out, int n) {
                long start = block.start;
                for (int j = 0; j < n; j++) {
                    out[j] = start + j;
                }
            }

            @Override
            long compute(int j) {
                return block.start + j;
            }
        };
    }

    /** {@code op(a, b)} with {@link BinaryOp#apply(long, long)}'s exact semantics. */
    static LongColumn binary(BinaryOp op, LongColumn a, LongColumn b) {
        if (a instanceof Const x && b instanceof Const y) {
            return new Const(a.block, op.apply(x.value, y.value));
        }
        boolean affine = false;
        long stride = 0;
        if (op == BinaryOp.ADD || op == BinaryOp.SUB) {
            long sign = op == BinaryOp.SUB ? -1 : 1;
            if (a.affine && b.affine) {
                affine = true;
                stride = a.stride + sign * b.stride;
            }
        } else if (op == BinaryOp.MUL && (a instanceof Const || b instanceof Const)) {
            LongColumn other = a instanceof Const ? b : a;
            long k = a instanceof Const c ? c.value : ((Const) b).value;
            affine = other.affine;
            stride = other.stride * k;
        }
        return new LongColumn(a.block, affine, stride) {
            @Override
            void fill(long[] out, int n) {
                long[] x = a.values();
                long[] y = b.values();
                switch (op) {
                    case ADD:
                        for (int j = 0; j < n; j++) {
                            out[j] = x[j] + y[j];
                        }
                        break;
                    case SUB:
                        for (int j = 0; j < n; j++) {
                            out[j] = x[j] - y[j];
                        }
                        break;
                    case MUL:
                        for (int j = 0; j < n; j++) {
                            out[j] = x[j] * y[j];
                        }
                        break;
                    case MIN:
                        for (int j = 0; j < n; j++) {
                            out[j] = Math.min(x[j], y[j]);
                        }
                        break;
                    case MAX:
                        for (int j = 0; j < n; j++) {
                            out[j] = Math.max(x[j], y[j]);
                        }
                        break;
                    default:
                        for (int j = 0; j < n; j++) {
                            out[j] = op.apply(x[j], y[j]);
                        }
                        break;
                }
            }

            @Override
            long compute(int j) {
                return op.apply(a.at(j), b.at(j));
            }
        };
    }

    /** How many of the sorted {@code boundaries} are {@code <= x}, by a {@link MilestoneIndex}. */
    static LongColumn countAtMost(LongColumn x, long[] boundaries) {
        MilestoneIndex index = MilestoneIndex.of(boundaries);
        return new LongColumn(x.block, false, 0) {
            @Override
            void fill(long[] out, int n) {
                long[] v = x.values();
                for (int j = 0; j < n; j++) {
                    out[j] = index.count(v[j]);
                }
            }

            @Override
            long compute(int j) {
                return index.count(x.at(j));
            }
        };
    }

    /** One value at every step; its array is filled once. */
    static final class Const extends LongColumn {
        final long value;
        private final long[] filled = new long[Block.SIZE];

        private Const(Block block, long value) {
            super(block, true, 0);
            this.value = value;
            Arrays.fill(filled, value);
        }

        @Override
        long[] values() {
            return filled;
        }

        @Override
        long at(int j) {
            return value;
        }

        @Override
        void fill(long[] out, int n) {
            Arrays.fill(out, 0, n, value);
        }

        @Override
        long compute(int j) {
            return value;
        }

        @Override
        boolean isConstant() {
            return true;
        }
    }
}
