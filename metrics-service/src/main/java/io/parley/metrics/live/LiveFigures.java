package io.parley.metrics.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.metrics.projection.ProjectionBatch;
import io.parley.metrics.projection.ReportingEvent;
import io.parley.metrics.report.LiveView;
import io.parley.metrics.report.ReportScope;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live figures on the metrics endpoint (Prometheus, management port): per team gauges of backlog, unassigned,
 * unattended and queued conversations and the oldest wait, read from PostgreSQL every few seconds, counters of what
 * this instance consumed (reporting events by name, SLA breaches, survey responses), and histograms of the response
 * times it projected ({@code parley_response_time_seconds{name}}: first_response, reply_time, conversation_resolved).
 */
@ApplicationScoped
public class LiveFigures {
    private static final ReportScope EVERYTHING = new ReportScope(List.of(), null);

    private final MeterRegistry registry;
    private final LiveView live;
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();
    /** Histograms of the timings (ReportingEvent.Name.TIMED), in seconds. */
    private final Map<String, DistributionSummary> responseTimes = new ConcurrentHashMap<>();
    /** By name and tags (name, key, value, key, value…). */
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

    public LiveFigures(MeterRegistry registry, LiveView live) {
        this.registry = registry;
        this.live = live;
    }

    /** After a batch committed: each counter incremented once per batch, its meter looked up once per process. */
    public void consumed(ProjectionBatch batch) {
        Map<List<String>, Long> counts = new HashMap<>();
        for (ReportingEvent event : batch.events()) {
            if (!ReportingEvent.Name.ALL.contains(event.name())) {
                continue; // a qualifying fact (first_contact_resolution), counted with the event it qualifies
            }
            counts.merge(List.of("parley.reporting.events", "name", event.name()), 1L, Long::sum);
            if (ReportingEvent.Name.SLA_BREACHED.equals(event.name())) {
                counts.merge(
                        List.of(
                                "parley.sla.breaches",
                                "metric",
                                String.valueOf(event.detail()),
                                "team",
                                String.valueOf(event.team())),
                        1L,
                        Long::sum);
            } else if (ReportingEvent.Name.CSAT_RESPONSE.equals(event.name())) {
                counts.merge(
                        List.of(
                                "parley.csat.responses",
                                "kind",
                                String.valueOf(event.detail()),
                                "rating",
                                String.valueOf(event.value())),
                        1L,
                        Long::sum);
            }
        }
        for (ReportingEvent event : batch.events()) {
            if (ReportingEvent.Name.TIMED.contains(event.name()) && event.value() != null) {
                responseTimes
                        .computeIfAbsent(
                                event.name(),
                                name -> DistributionSummary.builder("parley.response.time")
                                        .baseUnit("seconds")
                                        .tag("name", name)
                                        .publishPercentileHistogram()
                                        .minimumExpectedValue(1.0)
                                        .maximumExpectedValue(7.0 * 24 * 3600)
                                        .register(registry))
                        .record(event.value());
            }
        }
        counts.forEach((meter, n) -> counters.computeIfAbsent(
                        meter,
                        key -> Counter.builder(key.get(0))
                                .tags(key.subList(1, key.size()).toArray(String[]::new))
                                .register(registry))
                .increment(n));
    }

    @Scheduled(every = "${parley.live.refresh-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return live.now(EVERYTHING)
                .invoke(view -> view.teams().forEach(team -> {
                    set("parley.conversations.backlog", team.team(), team.open() + team.pending() + team.snoozed());
                    set("parley.conversations.unassigned", team.team(), team.unassigned());
                    set("parley.conversations.unattended", team.team(), team.unattended());
                    set("parley.conversations.queued", team.team(), team.waitingInQueue());
                    set(
                            "parley.conversations.oldest.wait.seconds",
                            team.team(),
                            team.oldestWaitingSeconds() == null ? 0 : team.oldestWaitingSeconds());
                    set("parley.agents.online", team.team(), team.agentsOnline());
                    set("parley.agents.away", team.team(), team.agentsAway());
                }))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    private void set(String name, String team, long value) {
        gauges.computeIfAbsent(name + '|' + team, key -> {
                    AtomicLong holder = new AtomicLong();
                    Gauge.builder(name, holder, AtomicLong::get)
                            .tag("team", team)
                            .register(registry);
                    return holder;
                })
                .set(value);
    }
}
