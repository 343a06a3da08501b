package org.sched4j.eval;

/**
 * The run of steps a table's columns are computed over: at most {@link #SIZE} consecutive steps from
 * {@link #start}. Columns keep one array each and refill it when the block moves on ({@link #stamp}).
 */
final class Block {
    /** Steps per block: a column's array (8 KiB in double) stays in L1 while the next op reads it. */
    static final int SIZE = 1024;
    /** 0, 1, 2, ... as doubles: an affine column is {@code first + IOTA[j] * stride}. */
    static final double[] IOTA = new double[SIZE];

    static {
        for (int j = 0; j < SIZE; j++) {
            IOTA[j] = j;
        }
    }

    /** The relative error a {@link Progressions} reduction may add to a value computed over this block. */
    final double budget;
    long start;
    int length;
    int stamp;

    /** A block whose reductions may add a relative error up to {@code budget}. */
    Block(double budget) {
        this.budget = budget;
    }

    /** Moves to the block of {@code length} steps from {@code start}: every column is stale. */
    void moveTo(long start, int length) {
        this.start = start;
        this.length = length;
        stamp++;
    }
}
