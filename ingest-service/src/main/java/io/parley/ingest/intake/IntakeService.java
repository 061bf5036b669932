package io.parley.ingest.intake;

import io.parley.ingest.channel.WebhookBatch;
import io.parley.ingest.channel.WebhookRequest;
import io.parley.ingest.inbox.Inbox;
import io.parley.problem.ProblemException;
import io.parley.reactive.CallerContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Takes a verified delivery exactly once per provider event. One atomic statement archives the raw request and claims
 * each event's dedup key (storing the event for replays); the new events are then published to Kafka, and only the broker's
 * acknowledgement (acks=all) makes the webhook succeed. A claim whose publish failed is released and the answer is
 * 503, so the provider's retry is taken as new rather than as a duplicate.
 */
@ApplicationScoped
public class IntakeService {
    private static final Logger LOG = Logger.getLogger(IntakeService.class);

    private final InboundEventPublisher publisher;
    private final IntakeRepository repository;

    public IntakeService(InboundEventPublisher publisher, IntakeRepository repository) {
        this.publisher = publisher;
        this.repository = repository;
    }

    public Uni<IntakeResult> accept(Inbox inbox, WebhookRequest request, WebhookBatch batch) {
        List<PendingEvent> all = Stream.concat(
                        batch.messages().stream().map(PendingEvent::of),
                        batch.statuses().stream().map(s -> PendingEvent.of(s, request.receivedAt())))
                .toList();
        // A provider may repeat an event within one delivery; it is still one event.
        List<PendingEvent> events = List.copyOf(all.stream()
                .filter(PendingEvent::hasStorableKeys)
                .collect(java.util.stream.Collectors.toMap(
                        PendingEvent::dedupKey, e -> e, (first, repeat) -> first, java.util.LinkedHashMap::new))
                .values());
        if (all.stream().anyMatch(e -> !e.hasStorableKeys())) {
            if (all.size() == 1) {
                throw ProblemException.unprocessable(
                        "The message id or thread is empty, longer than 255 characters or contains NUL.");
            }
            // One unusable entry must not make the provider redeliver the rest of its batch for ever.
            LOG.warnf(
                    "skipped %d of %d events of a %s delivery to inbox %s: unusable ids",
                    all.stream().filter(e -> !e.hasStorableKeys()).count(), all.size(), inbox.channel, inbox.id);
        }
        // One hop back to the request's context, at the end: the claim completes on its statement's connection and the
        // publishes on the producer's thread, and neither step needs the request's context.
        return CallerContext.resumeOnCallerContext(repository
                .archiveAndClaim(inbox, request, events)
                .flatMap(keys -> {
                    List<PendingEvent> claimed = events.stream()
                            .filter(e -> keys.contains(e.dedupKey()))
                            .toList();
                    return publishAll(inbox, claimed)
                            .map(published -> IntakeResult.of(
                                    published.stream().map(e -> e.eventId()).toList(),
                                    events.stream()
                                            .filter(e -> !keys.contains(e.dedupKey()))
                                            .map(e -> e.eventId())
                                            .toList()));
                }));
    }

    /** Publishes in order; fails with 503 after releasing the claims of whatever the broker did not take. */
    private Uni<List<PendingEvent>> publishAll(Inbox inbox, List<PendingEvent> claimed) {
        if (claimed.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<PendingEvent>> sends = claimed.stream()
                .map(event -> publisher
                        .send(event.kafkaKey(), event.encoded())
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
        return repository
                .release(inbox.id, keys)
                .onFailure()
                .invoke(failure -> LOG.errorf(
                        "%d events of inbox %s were not published and their claims could not be released: retries"
                                + " will be taken for duplicates until replayed (%s)",
                        keys.size(), inbox.id, failure.getMessage()))
                .onFailure()
                .recoverWithNull();
    }
}
