package org.sched4j.eval;

/**
 * How many sorted boundaries are {@code <= x}, in constant time for any spread of boundaries: the scalar
 * evaluator's form of {@code CountAtMost} (milestones, piecewise segments, DL4J's {@code MapSchedule} keys).
 *
 * <p>The boundaries' span is cut into equal buckets, at least as many as boundaries (a power of two wide),
 * and each bucket records the count below its start; a step reads its bucket and steps over the few
 * boundaries inside it. A bucket holding many boundaries (a dense cluster) is binary-searched, so no step
 * costs more than a plain binary search.
 */
public final class MilestoneIndex {
    /** Boundaries inside one bucket up to which a linear scan beats a binary search. */
    private static final int SCAN = 8;

    private final long[] boundaries;
    private final long first;
    private final long last;
    private final int shift;
    private final int[] below;

    private MilestoneIndex(long[] boundaries) {
        this.boundaries = boundaries;
        int n = boundaries.length;
        first = n == 0 ? 0 : boundaries[0];
        last = n == 0 ? -1 : boundaries[n - 1];
        if (n == 0) {
            shift = 0;
            below = new int[1];
            return;
        }
        // Span as an unsigned distance: boundaries may run from Long.MIN_VALUE to Long.MAX_VALUE.
        long span = last - first;
        int buckets = Integer.highestOneBit(Math.max(1, Math.min(n, 1 << 24))) << 1;
        int s = 0;
        while (s < 63 && Long.compareUnsigned(span >>> s, buckets) >= 0) {
            s++;
        }
        shift = s;
        int size = (int) (span >>> s) + 2;
        below = new int[size];
        int i = 0;
        below[size - 1] = n;
        for (int b = 0; b < size - 1; b++) {
            long start = first + ((long) b << s);
            while (i < n && Long.compareUnsigned(boundaries[i] - first, start - first) < 0) {
                i++;
            }
            below[b] = i;
        }
    }

    /** The index of sorted (non-decreasing) {@code boundaries}; the array is not copied and must not change. */
    public static MilestoneIndex of(long[] boundaries) {
        for (int i = 1; i < boundaries.length; i++) {
            if (boundaries[i] < boundaries[i - 1]) {
                throw new IllegalArgumentException("boundaries: must be sorted");
            }
        }
        return new MilestoneIndex(boundaries);
    }

    /** The count of boundaries {@code <= x}. */
    public long count(long x) {
        if (x < first) {
            return 0;
        }
        if (x >= last) {
            return boundaries.length;
        }
        int b = (int) ((x - first) >>> shift);
        int lo = below[b];
        int hi = below[b + 1];
        // Every boundary before lo is < the bucket start <= x; every one from hi on is >= the next start > x.
        if (hi - lo > SCAN) {
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (boundaries[mid] <= x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
        while (lo < hi && boundaries[lo] <= x) {
            lo++;
        }
        return lo;
    }
}
