package io.parley.metrics.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.parley.metrics.projection.ReportingEvent.Name;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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

        /** Collects a row's figures from its tallies and histograms. */
        static final class Builder {
            private final Map<String, Tally> tallies = new HashMap<>();
            private final Map<String, Double[]> percentiles = new HashMap<>();

            void add(Tally tally) {
                tallies.merge(
                        tally.name(),
                        tally,
                        (a, b) -> new Tally(
                                a.key(),
                                a.name(),
                                a.detail(),
                                a.facet(),
                                a.n() + b.n(),
                                a.valueSum() + b.valueSum(),
                                a.valueN() + b.valueN(),
                                a.businessSum() + b.businessSum(),
                                a.businessN() + b.businessN()));
            }

            /** The median and p90 of a timing's measure ('v' seconds, 'b' business seconds). */
            void percentiles(String name, String measure, ReportData.Percentiles figures) {
                percentiles.put(name + measure, new Double[] {figures.median(), figures.p90()});
            }

            private long n(String name) {
                Tally t = tallies.get(name);
                return t == null ? 0 : t.n();
            }

            private Timing timing(String name) {
                Tally t = tallies.get(name);
                if (t == null) {
                    return NONE;
                }
                Double[] raw = percentiles.getOrDefault(name + "v", NO_PERCENTILES);
                Double[] business = percentiles.getOrDefault(name + "b", NO_PERCENTILES);
                return new Timing(t.n(), t.average(), raw[0], raw[1], t.businessAverage(), business[0], business[1]);
            }

            Figures build(String group, String bucket) {
                long opened = n(Name.CONVERSATION_OPENED);
                long resolved = n(Name.CONVERSATION_RESOLVED);
                long reopened = n(Name.CONVERSATION_REOPENED);
                Tally firstContact = tallies.get(Name.FIRST_CONTACT_RESOLUTION);
                return new Figures(
                        group,
                        bucket,
                        opened,
                        resolved,
                        reopened,
                        n(Name.MESSAGE_INCOMING),
                        n(Name.MESSAGE_OUTGOING),
                        timing(Name.FIRST_RESPONSE),
                        timing(Name.REPLY_TIME),
                        timing(Name.CONVERSATION_RESOLVED),
                        ReportSql.percent(n(Name.CONVERSATION_ANSWERED), opened),
                        ReportSql.percent(firstContact == null ? 0 : firstContact.valueSum(), resolved),
                        ReportSql.percent(reopened, resolved));
            }

            private static final Timing NONE = new Timing(0, null, null, null, null, null, null);
            private static final Double[] NO_PERCENTILES = {null, null};
        }
    }

    public record Report(@JsonUnwrapped ReportHeader header, long backlog, List<Figures> rows) {}

    private static final List<String> NAMES = java.util.stream.Stream.concat(Name.COUNTED.stream(), Name.TIMED.stream())
            .distinct()
            .toList();

    private static final List<String> BACKLOG =
            List.of(Name.CONVERSATION_OPENED, Name.CONVERSATION_REOPENED, Name.CONVERSATION_RESOLVED);

    private final ReportData data;

    ConversationReport(ReportData data) {
        this.data = data;
    }

    public Multi<Figures> rows(ReportRequest request) {
        return figures(request)
                .onItem()
                .transformToMulti(rows -> Multi.createFrom().iterable(rows));
    }

    public Uni<Report> report(ReportRequest request) {
        return Uni.combine()
                .all()
                .unis(figures(request), backlog(request))
                .asTuple()
                .map(t -> new Report(ReportHeader.of(request), t.getItem2(), t.getItem1()));
    }

    /** The sums of every name and the timings' histograms, side by side. */
    private Uni<List<Figures>> figures(ReportRequest request) {
        return Uni.combine()
                .all()
                .unis(data.tallies(request, NAMES), data.percentiles(request, Name.TIMED))
                .asTuple()
                .map(t -> {
                    Map<RowKey, Figures.Builder> rows = new TreeMap<>(RowKey.ORDER);
                    for (Tally tally : t.getItem1()) {
                        rows.computeIfAbsent(tally.key(), key -> new Figures.Builder())
                                .add(tally);
                    }
                    t.getItem2()
                            .forEach((key, figures) -> rows.computeIfAbsent(key.row(), k -> new Figures.Builder())
                                    .percentiles(key.name(), key.measure(), figures));
                    List<Figures> figures = new ArrayList<>(rows.size());
                    rows.forEach((key, builder) -> figures.add(
                            builder.build(key.group(), request.bucket().label(key.bucket()))));
                    return figures;
                });
    }

    /**
     * Conversations not resolved at the end of the range: opened + reopened − resolved before it. Only inbox and
     * channel filters apply (a conversation's team, agent and priority change while it is open).
     */
    private Uni<Long> backlog(ReportRequest request) {
        ReportRequest sinceTheStart = new ReportRequest(
                Instant.EPOCH,
                request.to(),
                request.zone(),
                Dimension.NONE,
                Bucket.NONE,
                request.inbox(),
                request.channel(),
                List.of(),
                null,
                null,
                null);
        return data.tallies(sinceTheStart, BACKLOG).map(tallies -> {
            long backlog = 0;
            for (Tally tally : tallies) {
                backlog += Name.CONVERSATION_RESOLVED.equals(tally.name()) ? -tally.n() : tally.n();
            }
            return backlog;
        });
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
