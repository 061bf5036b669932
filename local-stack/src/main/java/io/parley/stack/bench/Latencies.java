package io.parley.stack.bench;

import java.util.Arrays;
import java.util.Collection;

/** Percentiles of latencies measured in nanoseconds, reported in milliseconds. */
final class Latencies {
    private Latencies() {}

    /** @param p 0–100; 100 is the maximum. NaN when nothing was measured. */
    static double percentileMillis(Collection<Long> nanos, double p) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(sorted);
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
