package io.parley.metrics.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

/**
 * One timing's values of a report row, as bins (report_bin: every second below 64 s, then 32 bins a doubling), each
 * with its count, least and greatest value. Percentiles are continuous, as PostgreSQL's percentile_cont over the
 * values: the value of a rank is exact when its bin holds at most two values or only one distinct value; otherwise it
 * is placed evenly between the bin's least and greatest value, at most the bin's width (1/32 of the value) away from
 * the true one. docs/metrics.md states this.
 */
final class Histogram {
    private record Bin(long n, long least, long greatest) {}

    private final TreeMap<Integer, Bin> bins = new TreeMap<>();
    private long count;

    void add(int bin, long n, long least, long greatest) {
        bins.merge(
                bin,
                new Bin(n, least, greatest),
                (a, b) -> new Bin(a.n + b.n, Math.min(a.least, b.least), Math.max(a.greatest, b.greatest)));
        count += n;
    }

    /** The p-th continuous percentile (0 ≤ p ≤ 1) to hundredths; null without values. */
    Double percentile(double p) {
        if (count == 0) {
            return null;
        }
        double row = p * (count - 1);
        long below = (long) Math.floor(row);
        long above = (long) Math.ceil(row);
        double low = valueAt(below);
        double value = below == above ? low : low + (valueAt(above) - low) * (row - below);
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** The value of the rank-th smallest value (0-based). */
    private double valueAt(long rank) {
        long seen = 0;
        for (Map.Entry<Integer, Bin> entry : bins.entrySet()) {
            Bin bin = entry.getValue();
            if (rank < seen + bin.n) {
                long within = rank - seen;
                return bin.n == 1 ? bin.least : bin.least + (double) (bin.greatest - bin.least) * within / (bin.n - 1);
            }
            seen += bin.n;
        }
        throw new IllegalStateException("rank " + rank + " beyond " + count + " values");
    }
}
