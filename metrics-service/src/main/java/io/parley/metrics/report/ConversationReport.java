package io.parley.metrics.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.parley.metrics.projection.ReportingEvent.Name;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
            Double reopenRate) {

        /** Collects a row's figures from the counts and timing queries. */
        static final class Builder {
            private static final Timing NONE = new Timing(0, null, null, null, null, null, null);

            private final Map<String, Long> counts = new java.util.HashMap<>();
            private long answered;
            private long firstContact;
            private final Map<String, Timing> timings = new java.util.HashMap<>();

            void count(String name, long n, long answered, long firstContact) {
                counts.put(name, n);
                if (Name.CONVERSATION_OPENED.equals(name)) {
                    this.answered = answered;
                }
                if (Name.CONVERSATION_RESOLVED.equals(name)) {
                    this.firstContact = firstContact;
                }
            }

            void timing(String name, Timing timing) {
                timings.put(name, timing);
            }

            Figures build(String group, String bucket) {
                long opened = counts.getOrDefault(Name.CONVERSATION_OPENED, 0L);
                long resolved = counts.getOrDefault(Name.CONVERSATION_RESOLVED, 0L);
                long reopened = counts.getOrDefault(Name.CONVERSATION_REOPENED, 0L);
                return new Figures(
                        group,
                        bucket,
                        opened,
                        resolved,
                        reopened,
                        counts.getOrDefault(Name.MESSAGE_INCOMING, 0L),
                        counts.getOrDefault(Name.MESSAGE_OUTGOING, 0L),
                        timings.getOrDefault(Name.FIRST_RESPONSE, NONE),
                        timings.getOrDefault(Name.REPLY_TIME, NONE),
                        timings.getOrDefault(Name.CONVERSATION_RESOLVED, NONE),
                        ReportSql.percent(answered, opened),
                        ReportSql.percent(firstContact, resolved),
                        ReportSql.percent(reopened, resolved));
            }
        }
    }

    public record Report(@JsonUnwrapped ReportHeader header, long backlog, List<Figures> rows) {}

    /** Counts per reporting event name, with the two flags the rates need. */
    private static final String COUNTS = "count(*) as n, count(*) filter (where e.answered) as answered,"
            + " count(*) filter (where e.first_contact) as first_contact";

    /**
     * One timing's figures: both percentiles from one sort (percentile_cont over an array of fractions), raw and in
     * business hours.
     */
    private static final String TIMES = "count(*) as n, round(avg(e.value), 2)::float8 as average,"
            + " percentile_cont(array[0.5, 0.9]) within group (order by e.value) as percentiles,"
            + " round(avg(e.business_value), 2)::float8 as business_average,"
            + " percentile_cont(array[0.5, 0.9]) within group (order by e.business_value) as business_percentiles";

    private static final List<String> TIMED = List.of(Name.FIRST_RESPONSE, Name.REPLY_TIME, Name.CONVERSATION_RESOLVED);

    /**
     * Conversations not resolved at the end of the range: opened + reopened − resolved before it. Only inbox and
     * channel filters apply (a conversation's team, agent and priority change while it is open).
     */
    private static final String BACKLOG = "select coalesce(sum(case when name = 'conversation_resolved' then -1 else 1"
            + " end), 0) from reporting_event where name in ('conversation_opened', 'conversation_reopened',"
            + " 'conversation_resolved') and occurred_at < $1 and ($2::text is null or inbox_id = $2)"
            + " and ($3::text is null or channel = $3)";

    private final Pool pool;
    private final RowStreams streams;

    ConversationReport(Pool pool, RowStreams streams) {
        this.pool = pool;
        this.streams = streams;
    }

    public Multi<Figures> rows(ReportRequest request) {
        return figures(request)
                .onItem()
                .transformToMulti(rows -> Multi.createFrom().iterable(rows));
    }

    public Uni<Report> report(ReportRequest request) {
        return figures(request)
                .flatMap(rows -> backlog(request).map(backlog -> new Report(ReportHeader.of(request), backlog, rows)));
    }

    /**
     * Four narrow queries instead of one wide one, run side by side: the counts of every name in one pass, then each
     * timing over its own events only (the index leads with the name). One query computing all thirty figures spent
     * most of its time evaluating every figure's filter on every row (bench/reports, docs/benchmarks.md).
     */
    private Uni<List<Figures>> figures(ReportRequest request) {
        ReportSql counts = ReportSql.grouped(request, Name.COUNTED, COUNTS, "e.name");
        List<Uni<List<Row>>> queries = new ArrayList<>();
        queries.add(streams.of(counts.sql(), counts.tuple()).collect().asList());
        for (String name : TIMED) {
            ReportSql times = ReportSql.grouped(request, List.of(name), TIMES, "");
            queries.add(streams.of(times.sql(), times.tuple()).collect().asList());
        }
        return Uni.join().all(queries).andFailFast().map(results -> {
            Map<Key, Figures.Builder> rows = new TreeMap<>(Key.ORDER);
            for (Row row : results.get(0)) {
                rows.computeIfAbsent(Key.of(row), key -> new Figures.Builder())
                        .count(
                                row.getString("name"),
                                row.getLong("n"),
                                row.getLong("answered"),
                                row.getLong("first_contact"));
            }
            for (int i = 0; i < TIMED.size(); i++) {
                for (Row row : results.get(i + 1)) {
                    rows.computeIfAbsent(Key.of(row), key -> new Figures.Builder())
                            .timing(TIMED.get(i), timing(row));
                }
            }
            List<Figures> figures = new ArrayList<>(rows.size());
            rows.forEach((key, builder) ->
                    figures.add(builder.build(key.group(), request.bucket().label(key.bucket()))));
            return figures;
        });
    }

    /** A row's group and bucket; nulls first, as the report lists them. */
    private record Key(String group, LocalDateTime bucket) {
        static final Comparator<Key> ORDER = Comparator.comparing(
                        Key::group, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                .thenComparing(Key::bucket, Comparator.nullsFirst(Comparator.<LocalDateTime>naturalOrder()));

        static Key of(Row row) {
            return new Key(row.getString("grp"), row.getLocalDateTime("bucket"));
        }
    }

    private Uni<Long> backlog(ReportRequest request) {
        return pool.preparedQuery(BACKLOG)
                .execute(Tuple.of(
                        OffsetDateTime.ofInstant(request.to(), ZoneOffset.UTC), request.inbox(), request.channel()))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static Timing timing(Row row) {
        Double[] raw = row.getArrayOfDoubles("percentiles");
        Double[] business = row.getArrayOfDoubles("business_percentiles");
        return new Timing(
                row.getLong("n"),
                row.getDouble("average"),
                hundredths(raw, 0),
                hundredths(raw, 1),
                row.getDouble("business_average"),
                hundredths(business, 0),
                hundredths(business, 1));
    }

    private static Double hundredths(Double[] values, int index) {
        return values == null || values[index] == null
                ? null
                : BigDecimal.valueOf(values[index])
                        .setScale(2, RoundingMode.HALF_UP)
                        .doubleValue();
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
