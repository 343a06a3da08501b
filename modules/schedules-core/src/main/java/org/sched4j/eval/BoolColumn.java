package org.sched4j.eval;

import java.util.Arrays;
import org.sched4j.expr.CompareOp;

/** A BOOL column of a table block: a comparison of two integer or two real columns. */
abstract non-sealed class BoolColumn extends Column {
    private boolean[] values;
    private int stamp = -1;

    private BoolColumn(Block block) {
        super(block);
    }

    /** The values over the current block, computed on the first call in each block. */
    boolean[] values() {
        if (stamp != block.stamp) {
            if (values == null) {
                values = new boolean[Block.SIZE];
            }
            fill(values, block.length);
            stamp = block.stamp;
        }
        return values;
    }

    /** The value at offset {@code j} of the block, without computing the whole column. */
    boolean at(int j) {
        return stamp == block.stamp ? values[j] : compute(j);
    }

    abstract void fill(boolean[] out, int n);

    abstract boolean compute(int j);

    @Override
    boolean isConstant() {
        return false;
    }

    /** {@link CompareOp#test(long, long)} elementwise. */
    static BoolColumn compare(CompareOp op, LongColumn a, LongColumn b) {
        if (a instanceof LongColumn.Const x && b instanceof LongColumn.Const y) {
            return new Const(a.block, op.test(x.value, y.value));
        }
        return new BoolColumn(a.block) {
            @Override
            void fill(boolean[] out, int n) {
                long[] x = a.values();
                long[] y = b.values();
                for (int j = 0; j < n; j++) {
                    out[j] = op.test(x[j], y[j]);
                }
            }

            @Override
            boolean compute(int j) {
                return op.test(a.at(j), b.at(j));
            }
        };
    }

    /** {@link CompareOp#test(double, double)} elementwise. */
    static BoolColumn compare(CompareOp op, RealColumn a, RealColumn b) {
        if (a instanceof RealColumn.Const x && b instanceof RealColumn.Const y) {
            return new Const(a.block, op.test(x.value, y.value));
        }
        return new BoolColumn(a.block) {
            @Override
            void fill(boolean[] out, int n) {
                double[] x = a.values();
                double[] y = b.values();
                for (int j = 0; j < n; j++) {
                    out[j] = op.test(x[j], y[j]);
                }
            }

            @Override
            boolean compute(int j) {
                return op.test(a.at(j), b.at(j));
            }
        };
    }

    /** One value at every step. */
    static final class Const extends BoolColumn {
        final boolean value;
        private final boolean[] filled = new boolean[Block.SIZE];

        private Const(Block block, boolean value) {
            super(block);
            this.value = value;
            Arrays.fill(filled, value);
        }

        @Override
        boolean[] values() {
            return filled;
        }

        @Override
        boolean at(int j) {
            return value;
        }

        @Override
        void fill(boolean[] out, int n) {
            Arrays.fill(out, 0, n, value);
        }

        @Override
        boolean compute(int j) {
            return value;
        }

        @Override
        boolean isConstant() {
            return true;
        }
    }
}
