package io.parley.metrics.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.parley.metrics.projection.ReportingEvent.Name;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;

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

    private static final String AGGREGATES = String.join(
            ", ",
            "count(*) filter (where e.name = 'sla_met') as met",
            "count(*) filter (where e.name = 'sla_breached') as breached",
            "round(avg(e.value) filter (where e.name = 'sla_breached'), 2)::float8 as time_to_breach");

    private final RowStreams streams;

    SlaReport(RowStreams streams) {
        this.streams = streams;
    }

    public Multi<Figures> rows(ReportRequest request) {
        ReportSql query = ReportSql.grouped(
                request, List.of(Name.SLA_MET, Name.SLA_BREACHED), AGGREGATES, "e.policy_id, e.detail");
        return streams.of(query.sql(), query.tuple()).map(row -> figures(request, row));
    }

    public Uni<Report> report(ReportRequest request) {
        return rows(request).collect().asList().map(rows -> new Report(ReportHeader.of(request), rows));
    }

    private static Figures figures(ReportRequest request, Row row) {
        long met = row.getLong("met");
        long breached = row.getLong("breached");
        return new Figures(
                row.getString("grp"),
                request.bucket().label(row.getLocalDateTime("bucket")),
                row.getString("policy_id"),
                row.getString("detail"),
                met,
                breached,
                ReportSql.percent(met, met + breached),
                row.getDouble("time_to_breach"));
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
