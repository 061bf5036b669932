package io.parley.ingest.intake;

import io.parley.ingest.channel.WebhookBatch;
import io.parley.ingest.channel.WebhookRequest;
import io.parley.ingest.inbox.Inbox;
import io.parley.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Takes a verified delivery exactly once per provider event. One transaction archives the raw request and claims each
 * event's dedup key (storing the event for replays); the new events are then published to Kafka, and only the broker's
 * acknowledgement (acks=all) makes the webhook succeed. A claim whose publish failed is released and the answer is
 * 503, so the provider's retry is taken as new rather than as a duplicate.
 */
@ApplicationScoped
public class IntakeService {
    private static final Logger LOG = Logger.getLogger(IntakeService.class);

    private final InboundEventPublisher publisher;

    public IntakeService(InboundEventPublisher publisher) {
        this.publisher = publisher;
    }

    public Uni<IntakeResult> accept(Inbox inbox, WebhookRequest request, WebhookBatch batch) {
        List<PendingEvent> all = Stream.concat(
                        batch.messages().stream().map(PendingEvent::of),
                        batch.statuses().stream().map(s -> PendingEvent.of(s, request.receivedAt())))
                .toList();
        List<PendingEvent> events =
                all.stream().filter(PendingEvent::hasStorableKeys).toList();
        if (events.size() < all.size()) {
            if (all.size() == 1) {
                throw ProblemException.unprocessable(
                        "The message id or thread is empty, longer than 255 characters or contains NUL.");
            }
            // One unusable entry must not make the provider redeliver the rest of its batch for ever.
            LOG.warnf(
                    "skipped %d of %d events of a %s delivery to inbox %s: unusable ids",
                    all.size() - events.size(), all.size(), inbox.channel, inbox.id);
        }
        UUID deliveryId = UUID.randomUUID();
        return Panache.withTransaction(() -> archive(inbox, request, deliveryId)
                        .flatMap(ignored -> claimAll(inbox, request, deliveryId, events)))
                .flatMap(claimed -> publishAll(inbox, claimed).map(published -> {
                    List<UUID> duplicates = events.stream()
                            .filter(e -> !claimed.contains(e))
                            .map(e -> e.envelope().eventId())
                            .toList();
                    return IntakeResult.of(
                            published.stream().map(e -> e.envelope().eventId()).toList(), duplicates);
                }));
    }

    private Uni<Integer> archive(Inbox inbox, WebhookRequest request, UUID deliveryId) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(
                                "insert into webhook_delivery (id, inbox_id, channel, content_type, body, received_at)"
                                        + " values (:id, :inbox, :channel, :type, :body, :at)")
                        .setParameter("id", deliveryId)
                        .setParameter("inbox", inbox.id)
                        .setParameter("channel", inbox.channel)
                        .setParameter(
                                "type",
                                request.contentType() == null
                                        ? null
                                        : request.contentType().toString())
                        .setParameter("body", request.body())
                        .setParameter("at", request.receivedAt())
                        .executeUpdate());
    }

    private Uni<List<PendingEvent>> claimAll(
            Inbox inbox, WebhookRequest request, UUID deliveryId, List<PendingEvent> events) {
        return Multi.createFrom()
                .iterable(events)
                .onItem()
                .transformToUniAndConcatenate(event -> Panache.getSession()
                        .flatMap(session -> session.createNativeQuery(
                                        "insert into received_message (inbox_id, provider_message_id, event_id,"
                                                + " received_at, delivery_id, event)"
                                                + " values (:inbox, :key, :event, :at, :delivery, :json)"
                                                + " on conflict do nothing")
                                .setParameter("inbox", inbox.id)
                                .setParameter("key", event.dedupKey())
                                .setParameter("event", event.envelope().eventId())
                                .setParameter("at", request.receivedAt())
                                .setParameter("delivery", deliveryId)
                                .setParameter("json", event.encoded())
                                .executeUpdate())
                        .map(rows -> rows == 1 ? List.of(event) : List.<PendingEvent>of()))
                .collect()
                .in(ArrayList::new, List::addAll);
    }

    /** Publishes in order; fails with 503 after releasing the claims of whatever the broker did not take. */
    private Uni<List<PendingEvent>> publishAll(Inbox inbox, List<PendingEvent> claimed) {
        if (claimed.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<PendingEvent>> sends = claimed.stream()
                .map(event -> publisher
                        .publish(event.kafkaKey(), event.envelope())
                        .replaceWith(event)
                        .onFailure()
                        .recoverWithItem(failure -> {
                            LOG.warnf(
                                    "could not publish %s of inbox %s: %s",
                                    event.dedupKey(), inbox.id, failure.getMessage());
                            return null;
                        }))
                .toList();
        return Uni.join().all(sends).andCollectFailures().flatMap(results -> {
            List<PendingEvent> failed = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i) == null) {
                    failed.add(claimed.get(i));
                }
            }
            if (failed.isEmpty()) {
                return Uni.createFrom().item(claimed);
            }
            return release(inbox, failed)
                    .flatMap(ignored -> Uni.createFrom()
                            .<List<PendingEvent>>failure(
                                    ProblemException.unavailable("The message could not be stored; retry later.")));
        });
    }

    private Uni<Void> release(Inbox inbox, List<PendingEvent> failed) {
        List<String> keys = failed.stream().map(PendingEvent::dedupKey).toList();
        return Panache.withTransaction(
                        () -> ReceivedMessage.delete("inboxId = ?1 and providerMessageId in ?2", inbox.id, keys))
                .replaceWithVoid()
                .onFailure()
                .invoke(failure -> LOG.errorf(
                        "%d events of inbox %s were not published and their claims could not be released: retries"
                                + " will be taken for duplicates until replayed (%s)",
                        keys.size(), inbox.id, failure.getMessage()))
                .onFailure()
                .recoverWithNull();
    }
}
