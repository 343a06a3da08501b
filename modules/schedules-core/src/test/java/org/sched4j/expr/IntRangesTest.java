package org.sched4j.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Interval arithmetic on integer expressions, against ranges worked by hand. */
class IntRangesTest {
    private static final IntExpr T = Ex.step();

    private static long[] within(IntExpr e, long lo, long hi) {
        return IntRanges.of(e, Map.of(T, new long[] {lo, hi})::get);
    }

    @Test
    void aModuloIsItsPeriodUnlessTheDividendStaysInOnePeriod() {
        IntExpr position = Ex.floorMod(T, 20);
        assertThat(within(position, 25, 30)).containsExactly(5, 10); // 25..30 lie in the period 20..39
        assertThat(within(position, 15, 25)).containsExactly(0, 19); // crosses 20
        assertThat(within(position, -7, -3)).containsExactly(13, 17); // -7 mod 20 = 13
        assertThat(IntRanges.of(position, e -> null)).containsExactly(0, 19); // the step unknown
        assertThat(IntRanges.of(Ex.sub(position, 18), e -> null)).containsExactly(-18, 1);
    }

    @Test
    void arithmeticFollowsTheBoundsAndGivesUpOnOverflowOrAnUnknownSide() {
        assertThat(within(Ex.sub(Ex.mul(T, 3), 4), 2, 5)).containsExactly(2, 11);
        assertThat(within(Ex.floorDiv(T, 7), -1, 20)).containsExactly(-1, 2);
        assertThat(within(Ex.min(T, 10), 2, 50)).containsExactly(2, 10);
        assertThat(within(Ex.countAtMost(T, new long[] {5, 10, 10, 40}), 10, 39)).containsExactly(3, 3);
        assertThat(within(Ex.add(T, Long.MAX_VALUE), 0, 1)).isNull();
        assertThat(within(Ex.mul(T, -2), 0, 1)).isNull(); // a negative factor is not followed
        assertThat(IntRanges.of(Ex.add(T, 1), e -> null)).isNull();
    }

    @Test
    void aComparisonHoldsOnOneSideOfItsConstant() {
        assertThat(IntRanges.where(CompareOp.LT, 7, true)).containsExactly(Long.MIN_VALUE, 6);
        assertThat(IntRanges.where(CompareOp.LT, 7, false)).containsExactly(7, Long.MAX_VALUE);
        assertThat(IntRanges.where(CompareOp.LE, 7, false)).containsExactly(8, Long.MAX_VALUE);
        assertThat(IntRanges.where(CompareOp.GT, 7, false)).containsExactly(Long.MIN_VALUE, 7);
        assertThat(IntRanges.where(CompareOp.EQ, 7, true)).containsExactly(7, 7);
        assertThat(IntRanges.where(CompareOp.EQ, 7, false)).isNull(); // two intervals
        assertThat(IntRanges.where(CompareOp.LT, Long.MIN_VALUE, true)).isNull(); // nothing is below
        assertThat(IntRanges.where(CompareOp.GT, Long.MAX_VALUE, true)).isNull();
    }

    @Test
    void rangesMeetWhereTheyOverlap() {
        assertThat(IntRanges.intersect(new long[] {0, 19_999}, new long[] {18_000, Long.MAX_VALUE}))
                .containsExactly(18_000, 19_999);
        assertThat(IntRanges.intersect(null, new long[] {1, 2})).containsExactly(1, 2);
        assertThat(IntRanges.intersect(new long[] {0, 5}, new long[] {6, 9})).isNull();
    }
}
