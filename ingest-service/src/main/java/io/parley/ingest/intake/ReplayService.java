package io.parley.ingest.intake;

import io.parley.contracts.EventCodec;
import io.parley.contracts.EventEnvelope;
import io.parley.persistence.PlanCacheBypass;
import io.parley.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Re-publishes the events an inbox accepted in a time range, oldest first, with their original event ids: consumers
 * that already have them ignore them, consumers that lost them (a new service, a reset) get them again.
 */
@ApplicationScoped
public class ReplayService {
    static final int PAGE = 500;

    private final InboundEventPublisher publisher;

    public ReplayService(InboundEventPublisher publisher) {
        this.publisher = publisher;
    }

    public record ReplayResult(String inboxId, Instant from, Instant to, int republished) {}

    public Uni<ReplayResult> replay(String inboxId, Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw ProblemException.badRequest("from and to are required ISO-8601 instants, from before to.");
        }
        return page(inboxId, from, to, 0).map(count -> new ReplayResult(inboxId, from, to, count));
    }

    /** One page at a time, so a long range never holds all its events in memory. */
    private Uni<Integer> page(String inboxId, Instant from, Instant to, int offset) {
        return Panache.withSession(() -> Panache.getSession()
                        .flatMap(session -> PlanCacheBypass.bind(session.createNativeQuery(
                                        "select event from received_message where " + PlanCacheBypass.CONDITION
                                                + " and inbox_id = :inbox"
                                                + " and received_at >= :from and received_at < :to and event is not null"
                                                + " order by received_at, provider_message_id offset :offset limit :limit",
                                        String.class))
                                .setParameter("inbox", inboxId)
                                .setParameter("from", from)
                                .setParameter("to", to)
                                .setParameter("offset", offset)
                                .setParameter("limit", PAGE)
                                .getResultList()))
                .flatMap(events -> publish(events)
                        .flatMap(published -> events.size() < PAGE
                                ? Uni.createFrom().item(published)
                                : page(inboxId, from, to, offset + PAGE).map(more -> published + more)));
    }

    private Uni<Integer> publish(List<String> events) {
        return Multi.createFrom()
                .iterable(events)
                .onItem()
                .transformToUniAndConcatenate(json -> {
                    EventEnvelope envelope = EventCodec.decode(json);
                    return publisher.publish(envelope.aggregateId(), json).replaceWith(1);
                })
                .collect()
                .with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }
}
