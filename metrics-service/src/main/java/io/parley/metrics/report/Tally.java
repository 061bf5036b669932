package io.parley.metrics.report;

import io.vertx.mutiny.sqlclient.Row;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The sums of one group and bucket's reporting events of one name, detail and facet: every count, rate and average
 * of a report is made from these.
 *
 * @param facet the policy of an SLA outcome, the rating of a survey response, else empty
 * @param n how many events
 * @param valueN how many of them have a value (valueSum their sum); the same for business values
 */
record Tally(
        RowKey key,
        String name,
        String detail,
        String facet,
        long n,
        long valueSum,
        long valueN,
        long businessSum,
        long businessN) {

    static Tally of(Row row) {
        return new Tally(
                RowKey.of(row),
                row.getString("name"),
                row.getString("detail"),
                row.getString("facet"),
                row.getLong("n"),
                row.getLong("value_sum"),
                row.getLong("value_n"),
                row.getLong("business_sum"),
                row.getLong("business_n"));
    }

    /** The average value to hundredths (half up, as PostgreSQL's round); null without values. */
    Double average() {
        return average(valueSum, valueN);
    }

    Double businessAverage() {
        return average(businessSum, businessN);
    }

    static Double average(long sum, long count) {
        return count == 0
                ? null
                : BigDecimal.valueOf(sum)
                        .divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP)
                        .doubleValue();
    }

    /** '' stands for a missing detail or facet in the rollups; reports show null. */
    static String orNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
