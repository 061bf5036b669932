package io.parley.metrics.report;

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

    Uni<Map<TimingKey, Histogram>> histograms(ReportRequest request, List<String> names) {
        ReportSql query = ReportSql.histograms(request, names, RollupPlan.of(request, zones, RollupSql.HISTOGRAMS));
        return streams.of(query.sql(), query.tuple()).collect().in(HashMap::new, (map, row) -> {
            Histogram histogram = map.computeIfAbsent(
                    new TimingKey(RowKey.of(row), row.getString("name"), row.getString("measure")),
                    key -> new Histogram());
            Integer[] bins = row.getArrayOfIntegers("bins");
            Long[] counts = row.getArrayOfLongs("counts");
            Long[] least = row.getArrayOfLongs("least_values");
            Long[] greatest = row.getArrayOfLongs("greatest_values");
            for (int i = 0; i < bins.length; i++) {
                histogram.add(bins[i], counts[i], least[i], greatest[i]);
            }
        });
    }
}
