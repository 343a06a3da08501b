package org.sched4j.expr;

import java.util.Arrays;

/** An exact integer (64-bit) expression of the step: floors, milestones and cycle indices live here. */
public sealed interface IntExpr extends Expr permits IntExpr.Step, IntExpr.Const, IntExpr.Binary, IntExpr.CountAtMost {

    /** The step (iteration or epoch count) the schedule is evaluated at. */
    record Step() implements IntExpr {
        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.step(this);
        }
    }

    /** An integer literal. */
    record Const(long value) implements IntExpr {
        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.intConst(this);
        }
    }

    /** An integer operation; {@code op} is one of {@link BinaryOp#isIntegerOp() the integer operators}. */
    record Binary(BinaryOp op, IntExpr left, IntExpr right) implements IntExpr {
        public Binary {
            if (!op.isIntegerOp()) {
                throw new IllegalArgumentException(op + " is not an integer operator");
            }
        }

        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.intBinary(this);
        }
    }

    /**
     * How many of the sorted {@code boundaries} are {@code <= x} (repeats count): the milestone count of
     * multi-step decay and the segment index of piecewise schedules.
     */
    record CountAtMost(IntExpr x, long[] boundaries) implements IntExpr {
        public CountAtMost {
            boundaries = boundaries.clone();
            for (int i = 1; i < boundaries.length; i++) {
                if (boundaries[i] < boundaries[i - 1]) {
                    throw new IllegalArgumentException("boundaries must be sorted");
                }
            }
        }

        /** A copy of the sorted boundaries. */
        @Override
        public long[] boundaries() {
            return boundaries.clone();
        }

        /** The reference semantics: a binary search for the count of boundaries {@code <= value}. */
        public long count(long value) {
            int lo = 0;
            int hi = boundaries.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (boundaries[mid] <= value) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CountAtMost c && c.x.equals(x) && Arrays.equals(c.boundaries, boundaries);
        }

        @Override
        public int hashCode() {
            return 31 * x.hashCode() + Arrays.hashCode(boundaries);
        }

        @Override
        public String toString() {
            return "CountAtMost[x=" + x + ", boundaries=" + Arrays.toString(boundaries) + "]";
        }

        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.countAtMost(this);
        }
    }
}
