package org.sched4j.eval;

/**
 * One lowered node of a table's expression over the current {@link Block}: an INT64, DOUBLE or BOOL
 * column, or a constant vector (a lookup table or milestone boundaries). Columns are made by {@link
 * ColumnOps} and computed lazily, on the first read in each block.
 */
abstract sealed class Column permits LongColumn, RealColumn, BoolColumn, Column.Constants {
    final Block block;

    Column(Block block) {
        this.block = block;
    }

    /** Whether the column has one value at every step. */
    abstract boolean isConstant();

    /** A constant vector: a lookup table ({@code double[]}) or sorted milestone boundaries ({@code long[]}). */
    static final class Constants extends Column {
        final Object values;

        Constants(Block block, Object values) {
            super(block);
            this.values = values;
        }

        @Override
        boolean isConstant() {
            return true;
        }
    }
}
