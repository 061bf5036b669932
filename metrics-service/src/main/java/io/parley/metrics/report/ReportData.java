package io.parley.metrics.report;

import io.parley.metrics.rollup.Histogram;
import io.parley.metrics.rollup.RollupSql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs a report's queries ({@link ReportSql}), reading the rollups where a {@link RollupPlan} applies. */
@ApplicationScoped
class ReportData {
    /** A timing's histograms of one report row, by name and measure ('v' seconds, 'b' business seconds). */
    record TimingKey(RowKey row, String name, String measure) {}

    private final RowStreams streams;
    private final List<String> zones;

    ReportData(RowStreams streams, ReportsConfig config) {
        this.streams = streams;
        this.zones = config.reportingZones();
    }

    Uni<List<Tally>> tallies(ReportRequest request, List<String> names) {
        ReportSql query = ReportSql.tallies(request, names, RollupPlan.of(request, zones, RollupSql.TALLIES));
        return streams.of(query.sql(), query.tuple()).map(Tally::of).collect().asList();
    }

    /** A timing's median and p90 in a report row; null without values. */
    record Percentiles(Double median, Double p90) {}

    /**
     * Each timing's percentiles: as a rollup row stored them where it answers the key alone, else from the bins of
     * every row of the key merged.
     */
    Uni<Map<TimingKey, Percentiles>> percentiles(ReportRequest request, List<String> names) {
        ReportSql query = ReportSql.histograms(request, names, RollupPlan.of(request, zones, RollupSql.HISTOGRAMS));
        Map<TimingKey, Percentiles> stored = new HashMap<>();
        Map<TimingKey, Histogram> merged = new HashMap<>();
        return streams.of(query.sql(), query.tuple())
                .invoke(row -> {
                    TimingKey key = new TimingKey(RowKey.of(row), row.getString("name"), row.getString("measure"));
                    Integer[] bins = row.getArrayOfIntegers("bins");
                    if (bins == null) {
                        stored.put(key, new Percentiles(row.getDouble("median"), row.getDouble("p90")));
                    } else {
                        merged.computeIfAbsent(key, k -> new Histogram())
                                .addAll(
                                        bins,
                                        row.getArrayOfLongs("counts"),
                                        row.getArrayOfLongs("least_values"),
                                        row.getArrayOfLongs("greatest_values"));
                    }
                })
                .collect()
                .last()
                .map(last -> {
                    Map<TimingKey, Percentiles> all = new HashMap<>(stored);
                    merged.forEach((key, histogram) ->
                            all.put(key, new Percentiles(histogram.percentile(0.5), histogram.percentile(0.9))));
                    return all;
                });
    }
}
