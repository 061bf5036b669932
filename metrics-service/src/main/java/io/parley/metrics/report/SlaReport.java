package io.parley.metrics.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.parley.metrics.projection.ReportingEvent.Name;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** SLA attainment per policy and metric: targets met, breached, % met, how long a breached clock ran. */
@ApplicationScoped
public class SlaReport {
    public record Figures(
            String group,
            String bucket,
            String policy,
            String metric,
            long met,
            long breached,
            Double attainment,
            Double averageTimeToBreach) {}

    public record Report(@JsonUnwrapped ReportHeader header, List<Figures> rows) {}

    private static final List<String> NAMES = List.of(Name.SLA_MET, Name.SLA_BREACHED);

    /** A row of the report: group and bucket, then policy and metric. */
    private record Key(RowKey row, String policy, String metric) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::row, RowKey.ORDER)
                .thenComparing(Key::policy, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                .thenComparing(Key::metric, Comparator.nullsFirst(Comparator.<String>naturalOrder()));
    }

    private final ReportData data;

    SlaReport(ReportData data) {
        this.data = data;
    }

    public Multi<Figures> rows(ReportRequest request) {
        return figures(request)
                .onItem()
                .transformToMulti(rows -> Multi.createFrom().iterable(rows));
    }

    public Uni<Report> report(ReportRequest request) {
        return figures(request).map(rows -> new Report(ReportHeader.of(request), rows));
    }

    private Uni<List<Figures>> figures(ReportRequest request) {
        return data.tallies(request, NAMES).map(tallies -> {
            Map<Key, Tally[]> rows = new TreeMap<>(Key.ORDER);
            for (Tally t : tallies) {
                Tally[] outcomes = rows.computeIfAbsent(
                        new Key(t.key(), Tally.orNull(t.facet()), Tally.orNull(t.detail())), key -> new Tally[2]);
                outcomes[Name.SLA_MET.equals(t.name()) ? 0 : 1] = t;
            }
            List<Figures> figures = new ArrayList<>(rows.size());
            rows.forEach((key, outcomes) -> {
                long met = outcomes[0] == null ? 0 : outcomes[0].n();
                long breached = outcomes[1] == null ? 0 : outcomes[1].n();
                figures.add(new Figures(
                        key.row().group(),
                        request.bucket().label(key.row().bucket()),
                        key.policy(),
                        key.metric(),
                        met,
                        breached,
                        ReportSql.percent(met, met + breached),
                        outcomes[1] == null ? null : outcomes[1].average()));
            });
            return figures;
        });
    }

    static final List<String> CSV_HEADER = List.of(
            "group", "bucket", "policy", "metric", "met", "breached", "attainment_pct", "average_time_to_breach_s");

    static List<Object> csv(Figures f) {
        return Arrays.asList(
                f.group(),
                f.bucket(),
                f.policy(),
                f.metric(),
                f.met(),
                f.breached(),
                f.attainment(),
                f.averageTimeToBreach());
    }
}
