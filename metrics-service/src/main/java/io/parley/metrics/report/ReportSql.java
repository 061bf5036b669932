package io.parley.metrics.report;

import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One grouped report query over reporting_event: the caller's aggregates, grouped by the request's dimension and time
 * bucket, over its range and filters. Only fixed text becomes SQL; every value the caller gave is a parameter.
 */
final class ReportSql {
    private final List<Object> params = new ArrayList<>();
    private final String sql;

    /**
     * @param names the reporting events the aggregates read
     * @param extraGroups further group columns after group and bucket (already SQL), or empty
     */
    static ReportSql grouped(ReportRequest request, List<String> names, String aggregates, String extraGroups) {
        return new ReportSql(request, names, aggregates, extraGroups, null);
    }

    /** The reporting events themselves, oldest first, for the export. */
    static ReportSql listing(ReportRequest request, List<String> names, String columns) {
        return new ReportSql(request, names, null, "", columns);
    }

    private ReportSql(
            ReportRequest request, List<String> names, String aggregates, String extraGroups, String listedColumns) {
        String from = param(OffsetDateTime.ofInstant(request.from(), ZoneOffset.UTC));
        String to = param(OffsetDateTime.ofInstant(request.to(), ZoneOffset.UTC));
        StringBuilder where = new StringBuilder(" where e.occurred_at >= " + from + " and e.occurred_at < " + to
                + " and e.name = any(" + param(names.toArray(String[]::new)) + "::text[])");
        if (request.inbox() != null) {
            where.append(" and e.inbox_id = ").append(param(request.inbox()));
        }
        if (request.channel() != null) {
            where.append(" and e.channel = ").append(param(request.channel()));
        }
        if (!request.teams().isEmpty()) {
            where.append(" and e.team = any(")
                    .append(param(request.teams().toArray(String[]::new)))
                    .append("::text[])");
        }
        if (request.agent() != null) {
            where.append(" and e.agent = ").append(param(request.agent()));
        }
        if (request.priority() != null) {
            where.append(" and e.priority = ").append(param(request.priority()));
        }
        if (request.tag() != null) {
            where.append(" and exists (select 1 from report_conversation_tag f where f.conversation_id"
                            + " = e.conversation_id and f.tag = ")
                    .append(param(request.tag()))
                    .append(")");
        }
        if (listedColumns != null) {
            sql = "select " + listedColumns + " from reporting_event e" + where + " order by e.occurred_at, e.event_id";
            return;
        }
        String zone =
                request.bucket() == Bucket.NONE ? null : param(request.zone().getId());
        StringBuilder tables = new StringBuilder(" from reporting_event e");
        if (request.groupBy() == Dimension.TAG) {
            tables.append(" join report_conversation_tag t on t.conversation_id = e.conversation_id");
        }
        String groups = extraGroups.isEmpty() ? "1, 2" : "1, 2, " + extraGroups;
        sql = "select " + request.groupBy().column + " as grp, "
                + request.bucket().expression(zone) + " as bucket"
                + (extraGroups.isEmpty() ? "" : ", " + extraGroups) + ", " + aggregates + tables + where
                + " group by " + groups + " order by " + groups.replace(",", " nulls first,") + " nulls first";
    }

    private String param(Object value) {
        params.add(value);
        return "$" + params.size();
    }

    String sql() {
        return sql;
    }

    Tuple tuple() {
        return Tuple.from(params);
    }

    /** part ÷ whole × 100, to hundredths; null when whole is 0. */
    static Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 100.0;
    }
}
