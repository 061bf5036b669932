package io.parley.metrics.rollup;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One timing's values of a report row, as bins (report_bin: every second below 64 s, then 32 bins a doubling), each
 * with its count, least and greatest value. Percentiles are continuous, as PostgreSQL's percentile_cont over the
 * values: the value of a rank is exact when its bin holds at most two values or only one distinct value; otherwise it
 * is placed evenly between the bin's least and greatest value, at most the bin's width (1/32 of the value) away from
 * the true one. docs/metrics.md states this.
 *
 * <p>The refresher stores the median and p90 of each histogram row it writes, so a report row that one histogram row
 * answers whole reads those two figures instead of the bins. A report over a long range merges thousands of rows of
 * hundreds of bins each, so the bins live in three primitive arrays indexed from the lowest bin seen (bins are dense:
 * under 2,000 cover every value up to 2^63 s).
 */
public final class Histogram {
    private int first;
    private long[] counts = new long[0];
    private long[] least = new long[0];
    private long[] greatest = new long[0];
    private long count;

    /** A histogram row as stored: its bins in order, each bin's count, least and greatest value. */
    public static Histogram of(Integer[] bins, Long[] counts, Long[] least, Long[] greatest) {
        Histogram histogram = new Histogram();
        histogram.addAll(bins, counts, least, greatest);
        return histogram;
    }

    public void addAll(Integer[] bins, Long[] counts, Long[] least, Long[] greatest) {
        for (int i = 0; i < bins.length; i++) {
            add(bins[i], counts[i], least[i], greatest[i]);
        }
    }

    public void add(int bin, long n, long leastValue, long greatestValue) {
        int i = slot(bin);
        if (counts[i] == 0) {
            least[i] = leastValue;
            greatest[i] = greatestValue;
        } else {
            least[i] = Math.min(least[i], leastValue);
            greatest[i] = Math.max(greatest[i], greatestValue);
        }
        counts[i] += n;
        count += n;
    }

    /** The index of a bin, growing the arrays to hold it. */
    private int slot(int bin) {
        if (counts.length == 0) {
            first = bin;
            resize(bin, 64);
        } else if (bin < first) {
            resize(bin, first - bin + counts.length);
        } else if (bin - first >= counts.length) {
            resize(first, Math.max(bin - first + 1, counts.length * 2));
        }
        return bin - first;
    }

    private void resize(int newFirst, int size) {
        int shift = first - newFirst;
        counts = moved(counts, shift, size);
        least = moved(least, shift, size);
        greatest = moved(greatest, shift, size);
        first = newFirst;
    }

    private static long[] moved(long[] values, int shift, int size) {
        long[] grown = new long[size];
        System.arraycopy(values, 0, grown, shift, Math.min(values.length, size - shift));
        return grown;
    }

    /** The p-th continuous percentile (0 ≤ p ≤ 1) to hundredths; null without values. */
    public Double percentile(double p) {
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
        for (int i = 0; i < counts.length; i++) {
            long n = counts[i];
            if (rank < seen + n) {
                long within = rank - seen;
                return n == 1 ? least[i] : least[i] + (double) (greatest[i] - least[i]) * within / (n - 1);
            }
            seen += n;
        }
        throw new IllegalStateException("rank " + rank + " beyond " + count + " values");
    }
}
