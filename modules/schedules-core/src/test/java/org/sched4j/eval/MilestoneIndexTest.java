package org.sched4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sched4j.expr.Ex;
import org.sched4j.expr.IntExpr;

/** The constant-time milestone count against the tree's reference binary search ({@code CountAtMost.count}). */
class MilestoneIndexTest {
    private static void agrees(long[] boundaries, long... probes) {
        IntExpr.CountAtMost reference = new IntExpr.CountAtMost(Ex.step(), boundaries);
        MilestoneIndex index = MilestoneIndex.of(boundaries);
        for (long x : probes) {
            assertThat(index.count(x)).as(boundaries.length + " boundaries from " + boundaries[0] + ", at " + x)
                    .isEqualTo(reference.count(x));
        }
    }

    private static long[] around(long[] boundaries) {
        long[] probes = new long[boundaries.length * 3 + 4];
        int i = 0;
        for (long b : boundaries) {
            probes[i++] = b - 1;
            probes[i++] = b;
            probes[i++] = b + 1;
        }
        probes[i++] = Long.MIN_VALUE;
        probes[i++] = Long.MAX_VALUE;
        probes[i++] = 0;
        probes[i] = -1;
        return probes;
    }

    @Test
    void handWorkedCounts() {
        MilestoneIndex index = MilestoneIndex.of(new long[] {10, 20, 20, 35});
        assertThat(index.count(9)).isEqualTo(0);
        assertThat(index.count(10)).isEqualTo(1);
        assertThat(index.count(19)).isEqualTo(1);
        assertThat(index.count(20)).isEqualTo(3);
        assertThat(index.count(34)).isEqualTo(3);
        assertThat(index.count(35)).isEqualTo(4);
        assertThat(MilestoneIndex.of(new long[0]).count(5)).isEqualTo(0);
    }

    @Test
    void randomSpreadsAgreeWithTheBinarySearch() {
        SplittableRandom r = new SplittableRandom(11);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + r.nextInt(trial < 200 ? 40 : 5_000);
            long[] b = new long[n];
            long spread = switch (trial % 4) {
                case 0 -> 100;
                case 1 -> 1_000_000;
                case 2 -> 1L << 50;
                default -> Long.MAX_VALUE;
            };
            for (int i = 0; i < n; i++) {
                // Clusters and duplicates: half the boundaries crowd near one point.
                b[i] = r.nextBoolean() ? r.nextLong(-spread, spread) : r.nextLong(0, 4);
            }
            Arrays.sort(b);
            agrees(b, around(b));
            long[] probes = new long[2_000];
            for (int i = 0; i < probes.length; i++) {
                probes[i] = r.nextLong(-spread, spread);
            }
            agrees(b, probes);
        }
    }

    @Test
    void extremeBoundaries() {
        long[] b = {Long.MIN_VALUE, -5, 0, 7, Long.MAX_VALUE - 1, Long.MAX_VALUE};
        agrees(b, around(b));
        long[] evenly = new long[10_000];
        for (int i = 0; i < evenly.length; i++) {
            evenly[i] = 20L * i;
        }
        agrees(evenly, around(evenly));
    }

    @Test
    void unsortedBoundariesAreRefused() {
        assertThatThrownBy(() -> MilestoneIndex.of(new long[] {3, 1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("boundaries: must be sorted");
    }
}
