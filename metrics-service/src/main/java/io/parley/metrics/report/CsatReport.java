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
import java.util.Map;
import java.util.TreeMap;
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

    private static final String TREND = "select occurred_at, detail, value, conversation_id, team, agent"
            + " from reporting_event where contact_id = $1 and name = 'csat_response'"
            + " and ($2::text[] is null or team = any($2)) and ($3::text is null or agent = $3)"
            + " order by occurred_at, event_id";

    private static final List<String> NAMES = List.of(Name.CSAT_REQUESTED, Name.CSAT_RESPONSE);

    private final Pool pool;
    private final ReportData data;

    CsatReport(Pool pool, ReportData data) {
        this.pool = pool;
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
            Map<RowKey, Counts> rows = new TreeMap<>(RowKey.ORDER);
            for (Tally tally : tallies) {
                rows.computeIfAbsent(tally.key(), key -> new Counts()).add(tally);
            }
            List<Figures> figures = new ArrayList<>(rows.size());
            rows.forEach((key, counts) -> figures.add(counts.figures(key, request)));
            return figures;
        });
    }

    /** A row's surveys sent and responses, by kind and rating. */
    private static final class Counts {
        long csatSent;
        long csatResponses;
        long satisfied;
        final long[] ratings = new long[5];
        long npsSent;
        long npsResponses;
        long promoters;
        long detractors;

        void add(Tally t) {
            boolean nps = "nps".equals(t.detail());
            boolean csat = "csat".equals(t.detail());
            if (Name.CSAT_REQUESTED.equals(t.name())) {
                npsSent += nps ? t.n() : 0;
                csatSent += csat ? t.n() : 0;
                return;
            }
            long rating = Long.parseLong(t.facet());
            if (csat) {
                csatResponses += t.n();
                satisfied += rating >= 4 ? t.n() : 0;
                if (rating >= 1 && rating <= 5) {
                    ratings[(int) rating - 1] += t.n();
                }
            } else if (nps) {
                npsResponses += t.n();
                promoters += rating >= 9 ? t.n() : 0;
                detractors += rating <= 6 ? t.n() : 0;
            }
        }

        Figures figures(RowKey key, ReportRequest request) {
            Csat c = new Csat(
                    csatSent,
                    csatResponses,
                    ReportSql.percent(csatResponses, csatSent),
                    ReportSql.percent(satisfied, csatResponses),
                    Arrays.stream(ratings).boxed().toList());
            Nps n = new Nps(
                    npsSent,
                    npsResponses,
                    ReportSql.percent(npsResponses, npsSent),
                    promoters,
                    npsResponses - promoters - detractors,
                    detractors,
                    npsResponses == 0 ? null : Math.round((promoters - detractors) * 10000.0 / npsResponses) / 100.0);
            return new Figures(key.group(), request.bucket().label(key.bucket()), c, n);
        }
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
