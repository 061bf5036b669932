package io.parley.metrics.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.parley.metrics.projection.ReportingEvent.Name;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** CSAT (1–5) and NPS (0–10) surveys: sent, answered, score, distribution (docs/metrics.md). */
@ApplicationScoped
public class CsatReport {
    /** @param ratings responses per rating, index 0 = rating 1 */
    public record Csat(long surveysSent, long responses, Double responseRate, Double score, List<Long> ratings) {}

    public record Nps(
            long surveysSent,
            long responses,
            Double responseRate,
            long promoters,
            long passives,
            long detractors,
            Double score) {}

    public record Figures(String group, String bucket, Csat csat, Nps nps) {}

    public record Report(@JsonUnwrapped ReportHeader header, List<Figures> rows) {}

    /** One customer's answers over time, oldest first. */
    public record Answer(Instant at, String kind, long rating, UUID conversationId, String team, String agent) {}

    private static final String AGGREGATES = String.join(
            ", ",
            "count(*) filter (where e.name = 'csat_requested' and e.detail = 'csat') as csat_sent",
            "count(*) filter (where e.name = 'csat_response' and e.detail = 'csat') as csat_responses",
            "count(*) filter (where e.name = 'csat_response' and e.detail = 'csat' and e.value >= 4) as satisfied",
            "count(*) filter (where e.name = 'csat_response' and e.detail = 'csat' and e.value = 1) as r1",
            "count(*) filter (where e.name = 'csat_response' and e.detail = 'csat' and e.value = 2) as r2",
            "count(*) filter (where e.name = 'csat_response' and e.detail = 'csat' and e.value = 3) as r3",
            "count(*) filter (where e.name = 'csat_response' and e.detail = 'csat' and e.value = 4) as r4",
            "count(*) filter (where e.name = 'csat_response' and e.detail = 'csat' and e.value = 5) as r5",
            "count(*) filter (where e.name = 'csat_requested' and e.detail = 'nps') as nps_sent",
            "count(*) filter (where e.name = 'csat_response' and e.detail = 'nps') as nps_responses",
            "count(*) filter (where e.name = 'csat_response' and e.detail = 'nps' and e.value >= 9) as promoters",
            "count(*) filter (where e.name = 'csat_response' and e.detail = 'nps' and e.value <= 6) as detractors");

    private static final String TREND = "select occurred_at, detail, value, conversation_id, team, agent"
            + " from reporting_event where contact_id = $1 and name = 'csat_response'"
            + " and ($2::text[] is null or team = any($2)) and ($3::text is null or agent = $3)"
            + " order by occurred_at, event_id";

    private final Pool pool;
    private final RowStreams streams;

    CsatReport(Pool pool, RowStreams streams) {
        this.pool = pool;
        this.streams = streams;
    }

    public Multi<Figures> rows(ReportRequest request) {
        ReportSql query = ReportSql.grouped(request, List.of(Name.CSAT_REQUESTED, Name.CSAT_RESPONSE), AGGREGATES, "");
        return streams.of(query.sql(), query.tuple()).map(row -> figures(request, row));
    }

    public Uni<Report> report(ReportRequest request) {
        return rows(request).collect().asList().map(rows -> new Report(ReportHeader.of(request), rows));
    }

    public Uni<List<Answer>> trend(UUID contactId, ReportScope scope) {
        return pool.preparedQuery(TREND)
                .execute(Tuple.of(
                        contactId,
                        scope.teams().isEmpty() ? null : scope.teams().toArray(String[]::new),
                        scope.agent()))
                .map(rows -> {
                    List<Answer> answers = new ArrayList<>();
                    for (Row row : rows) {
                        answers.add(new Answer(
                                row.getOffsetDateTime("occurred_at").toInstant(),
                                row.getString("detail"),
                                row.getLong("value"),
                                row.getUUID("conversation_id"),
                                row.getString("team"),
                                row.getString("agent")));
                    }
                    return answers;
                });
    }

    private static Figures figures(ReportRequest request, Row row) {
        long sent = row.getLong("csat_sent");
        long responses = row.getLong("csat_responses");
        Csat csat = new Csat(
                sent,
                responses,
                ReportSql.percent(responses, sent),
                ReportSql.percent(row.getLong("satisfied"), responses),
                List.of(row.getLong("r1"), row.getLong("r2"), row.getLong("r3"), row.getLong("r4"), row.getLong("r5")));
        long npsSent = row.getLong("nps_sent");
        long npsResponses = row.getLong("nps_responses");
        long promoters = row.getLong("promoters");
        long detractors = row.getLong("detractors");
        Nps nps = new Nps(
                npsSent,
                npsResponses,
                ReportSql.percent(npsResponses, npsSent),
                promoters,
                npsResponses - promoters - detractors,
                detractors,
                npsResponses == 0 ? null : Math.round((promoters - detractors) * 10000.0 / npsResponses) / 100.0);
        return new Figures(row.getString("grp"), request.bucket().label(row.getLocalDateTime("bucket")), csat, nps);
    }

    static final List<String> CSV_HEADER = List.of(
            "group",
            "bucket",
            "csat_surveys_sent",
            "csat_responses",
            "csat_response_rate_pct",
            "csat_pct",
            "rating_1",
            "rating_2",
            "rating_3",
            "rating_4",
            "rating_5",
            "nps_surveys_sent",
            "nps_responses",
            "nps_response_rate_pct",
            "promoters",
            "passives",
            "detractors",
            "nps");

    static List<Object> csv(Figures f) {
        List<Object> values = new ArrayList<>(Arrays.asList(
                f.group(),
                f.bucket(),
                f.csat().surveysSent(),
                f.csat().responses(),
                f.csat().responseRate(),
                f.csat().score()));
        values.addAll(f.csat().ratings());
        values.addAll(Arrays.asList(
                f.nps().surveysSent(),
                f.nps().responses(),
                f.nps().responseRate(),
                f.nps().promoters(),
                f.nps().passives(),
                f.nps().detractors(),
                f.nps().score()));
        return values;
    }
}
