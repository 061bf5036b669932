package io.parley.metrics.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.metrics.rollup.Histogram;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The median and p90 that reports read from histograms (PostgreSQL's report_bin, then {@link Histogram}) against
 * percentile_cont over the same values: exact where a bin holds at most two values, and never further off than the
 * resolution docs/metrics.md states (1/32 of the value) otherwise.
 */
@QuarkusTest
class PercentileResolutionTest {
    @Inject
    Pool pool;

    @Test
    void fewValuesGiveExactlyWhatPercentileContGives() {
        long[] values = {45, 600, 615, 1800, 3600, 3650, 7200, 86_400};
        for (int n = 1; n <= values.length; n++) {
            long[] some = Arrays.copyOf(values, n);
            Histogram histogram = histogram(some);
            assertEquals(exact(some, 0.5), histogram.percentile(0.5), "median of " + n);
            assertEquals(exact(some, 0.9), histogram.percentile(0.9), "p90 of " + n);
        }
    }

    @Test
    void manyValuesStayWithinABinOfTheTruth() {
        Random random = new Random(42);
        for (int run = 0; run < 20; run++) {
            long[] values = new long[2_000];
            for (int i = 0; i < values.length; i++) { // log-uniform from 1 s to about 11 days
                values[i] = (long) Math.exp(random.nextDouble() * Math.log(1_000_000));
            }
            Histogram histogram = histogram(values);
            for (double p : new double[] {0.5, 0.9}) {
                double exact = exact(values, p);
                double read = histogram.percentile(p);
                assertTrue(Math.abs(read - exact) <= exact / 32 + 0.01, p + ": " + read + " against " + exact);
            }
        }
    }

    private Histogram histogram(long[] values) {
        Map<Integer, long[]> bins = new HashMap<>(); // bin -> count, least, greatest
        for (Row row : pool.preparedQuery("select v, report_bin(v) from unnest($1::int8[]) as v")
                .execute(Tuple.of(Arrays.stream(values).boxed().toArray(Long[]::new)))
                .await()
                .atMost(Duration.ofSeconds(30))) {
            long v = row.getLong(0);
            bins.merge(row.getInteger(1), new long[] {1, v, v}, (a, b) ->
                    new long[] {a[0] + 1, Math.min(a[1], b[1]), Math.max(a[2], b[2])});
        }
        Histogram histogram = new Histogram();
        bins.forEach((bin, c) -> histogram.add(bin, c[0], c[1], c[2]));
        return histogram;
    }

    /** percentile_cont, to hundredths as reports give it. */
    private static double exact(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        double row = p * (sorted.length - 1);
        int below = (int) Math.floor(row);
        int above = (int) Math.ceil(row);
        double value = sorted[below] + (sorted[above] - sorted[below]) * (row - below);
        return java.math.BigDecimal.valueOf(value)
                .setScale(2, java.math.RoundingMode.HALF_UP)
                .doubleValue();
    }
}
