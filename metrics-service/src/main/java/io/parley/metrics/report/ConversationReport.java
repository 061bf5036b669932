package io.parley.metrics.report;

import io.parley.metrics.projection.ReportingEvent.Name;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Volume, response and resolution times, response rate, first-contact resolution and reopen rate (docs/metrics.md). */
@ApplicationScoped
public class ConversationReport {
    /** Time figures of one kind: how many, and their average, median and 90th percentile, raw and in business hours. */
    public record Timing(
            long count,
            Double average,
            Double median,
            Double p90,
            Double businessAverage,
            Double businessMedian,
            Double businessP90) {}

    public record Figures(
            String group,
            String bucket,
            long opened,
            long resolved,
            long reopened,
            long incomingMessages,
            long outgoingMessages,
            Timing firstResponse,
            Timing replyTime,
            Timing resolution,
            Double responseRate,
            Double firstContactResolution,
            Double reopenRate) {}

    public record Report(
            String from, String to, String timeZone, String groupBy, String bucket, long backlog, List<Figures> rows) {}

    private static final List<String> NAMES = List.of(
            Name.CONVERSATION_OPENED,
            Name.CONVERSATION_RESOLVED,
            Name.CONVERSATION_REOPENED,
            Name.MESSAGE_INCOMING,
            Name.MESSAGE_OUTGOING,
            Name.FIRST_RESPONSE,
            Name.REPLY_TIME);

    private static final String AGGREGATES = String.join(
            ", ",
            "count(*) filter (where e.name = 'conversation_opened') as opened",
            "count(*) filter (where e.name = 'conversation_opened' and c.first_reply_at is not null) as answered",
            "count(*) filter (where e.name = 'conversation_resolved') as resolved",
            "count(*) filter (where e.name = 'conversation_resolved' and e.replies = 1 and not c.reopened) as fcr",
            "count(*) filter (where e.name = 'conversation_reopened') as reopened",
            "count(*) filter (where e.name = 'message_incoming') as incoming",
            "count(*) filter (where e.name = 'message_outgoing') as outgoing",
            "count(*) filter (where e.name = 'first_response') as fr_count",
            "count(*) filter (where e.name = 'reply_time') as rt_count",
            ReportSql.timing(Name.FIRST_RESPONSE, "value", "fr"),
            ReportSql.timing(Name.FIRST_RESPONSE, "business_value", "frb"),
            ReportSql.timing(Name.REPLY_TIME, "value", "rt"),
            ReportSql.timing(Name.REPLY_TIME, "business_value", "rtb"),
            ReportSql.timing(Name.CONVERSATION_RESOLVED, "value", "res"),
            ReportSql.timing(Name.CONVERSATION_RESOLVED, "business_value", "resb"));

    /**
     * Conversations not resolved at the end of the range: opened + reopened − resolved before it. Only inbox and
     * channel filters apply (a conversation's team, agent and priority change while it is open).
     */
    private static final String BACKLOG = "select coalesce(sum(case when name = 'conversation_resolved' then -1 else 1"
            + " end), 0) from reporting_event where name in ('conversation_opened', 'conversation_reopened',"
            + " 'conversation_resolved') and occurred_at < $1 and ($2::text is null or inbox_id = $2)"
            + " and ($3::text is null or channel = $3)";

    private final Pool pool;

    public ConversationReport(Pool pool) {
        this.pool = pool;
    }

    public Multi<Figures> rows(ReportRequest request) {
        ReportSql query = ReportSql.grouped(request, NAMES, AGGREGATES, "", true);
        return RowStreams.of(pool, query.sql(), query.tuple()).map(row -> row(request, row));
    }

    public Uni<Report> report(ReportRequest request) {
        return rows(request)
                .collect()
                .asList()
                .flatMap(rows -> backlog(request)
                        .map(backlog -> new Report(
                                request.from().toString(),
                                request.to().toString(),
                                request.zone().getId(),
                                request.groupBy().lower(),
                                request.bucket().lower(),
                                backlog,
                                rows)));
    }

    private Uni<Long> backlog(ReportRequest request) {
        return pool.preparedQuery(BACKLOG)
                .execute(Tuple.of(
                        OffsetDateTime.ofInstant(request.to(), ZoneOffset.UTC), request.inbox(), request.channel()))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static Figures row(ReportRequest request, Row row) {
        long opened = row.getLong("opened");
        long resolved = row.getLong("resolved");
        long reopened = row.getLong("reopened");
        return new Figures(
                row.getString("grp"),
                request.bucket().label(row.getLocalDateTime("bucket")),
                opened,
                resolved,
                reopened,
                row.getLong("incoming"),
                row.getLong("outgoing"),
                timing(row, "fr", "frb", row.getLong("fr_count")),
                timing(row, "rt", "rtb", row.getLong("rt_count")),
                timing(row, "res", "resb", resolved),
                ReportSql.percent(row.getLong("answered"), opened),
                ReportSql.percent(row.getLong("fcr"), resolved),
                ReportSql.percent(reopened, resolved));
    }

    private static Timing timing(Row row, String raw, String business, long count) {
        return new Timing(
                count,
                row.getDouble(raw + "_avg"),
                row.getDouble(raw + "_median"),
                row.getDouble(raw + "_p90"),
                row.getDouble(business + "_avg"),
                row.getDouble(business + "_median"),
                row.getDouble(business + "_p90"));
    }

    /** The columns of the CSV export, in order, and a row's values. */
    static final List<String> CSV_HEADER = List.of(
            "group",
            "bucket",
            "opened",
            "resolved",
            "reopened",
            "incoming_messages",
            "outgoing_messages",
            "first_response_count",
            "first_response_avg_s",
            "first_response_median_s",
            "first_response_p90_s",
            "first_response_business_avg_s",
            "first_response_business_median_s",
            "first_response_business_p90_s",
            "reply_time_count",
            "reply_time_avg_s",
            "reply_time_median_s",
            "reply_time_p90_s",
            "reply_time_business_avg_s",
            "reply_time_business_median_s",
            "reply_time_business_p90_s",
            "resolution_avg_s",
            "resolution_median_s",
            "resolution_p90_s",
            "resolution_business_avg_s",
            "resolution_business_median_s",
            "resolution_business_p90_s",
            "response_rate_pct",
            "first_contact_resolution_pct",
            "reopen_rate_pct");

    static List<Object> csv(Figures r) {
        List<Object> values = new ArrayList<>(java.util.Arrays.asList(
                r.group(),
                r.bucket(),
                r.opened(),
                r.resolved(),
                r.reopened(),
                r.incomingMessages(),
                r.outgoingMessages()));
        for (Timing t : List.of(r.firstResponse(), r.replyTime())) {
            values.add(t.count());
            values.addAll(timingValues(t));
        }
        values.addAll(timingValues(r.resolution()));
        values.add(r.responseRate());
        values.add(r.firstContactResolution());
        values.add(r.reopenRate());
        return values;
    }

    private static List<Object> timingValues(Timing t) {
        return java.util.Arrays.asList(
                t.average(), t.median(), t.p90(), t.businessAverage(), t.businessMedian(), t.businessP90());
    }
}
