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
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Takes a verified delivery exactly once per provider event. One atomic statement archives the raw request and claims
 * each event's dedup key, storing the event with its claim; once it committed the webhook is answered and
 * {@link IntakeRelay} puts the new events on Kafka. So an accepted event is durable before the answer, a Kafka outage
 * delays events instead of refusing webhooks, and only a database that cannot take the claim makes the answer 503.
 */
@ApplicationScoped
public class IntakeService {
    private static final Logger LOG = Logger.getLogger(IntakeService.class);

    private final IntakeRepository repository;
    private final IntakeRelay relay;

    public IntakeService(IntakeRepository repository, IntakeRelay relay) {
        this.repository = repository;
        this.relay = relay;
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
        // The claim completes on its statement's connection; one hop back to the request's context for the answer.
        return CallerContext.resumeOnCallerContext(repository
                .archiveAndClaim(inbox, request, events)
                .map(keys -> {
                    List<UUID> accepted = new ArrayList<>();
                    List<UUID> duplicates = new ArrayList<>();
                    for (PendingEvent event : events) {
                        (keys.contains(event.dedupKey()) ? accepted : duplicates).add(event.eventId());
                    }
                    if (!accepted.isEmpty()) {
                        relay.wake();
                    }
                    return IntakeResult.of(accepted, duplicates);
                }));
    }
}
