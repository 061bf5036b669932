package io.parley.ingest.intake;

import io.parley.contracts.EventCodec;
import io.parley.contracts.EventEnvelope;
import io.parley.contracts.EventTypes;
import io.parley.contracts.InboundMessage;
import io.parley.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Accepts a normalised message exactly once per provider message id: the id is claimed in PostgreSQL, the event is
 * published to Kafka, and only the broker's acknowledgement makes the webhook succeed. If publishing fails the claim
 * is released, so the provider's retry is not mistaken for a duplicate.
 */
@ApplicationScoped
public class IntakeService {
    private static final Logger LOG = Logger.getLogger(IntakeService.class);

    private final InboundMessagePublisher publisher;

    public IntakeService(InboundMessagePublisher publisher) {
        this.publisher = publisher;
    }

    public Uni<IntakeResult> accept(InboundMessage message) {
        UUID eventId = eventId(message);
        return claim(message, eventId).flatMap(claimed -> {
            if (!claimed) {
                return Uni.createFrom().item(IntakeResult.duplicate(eventId));
            }
            EventEnvelope envelope = EventCodec.envelope(
                    eventId,
                    EventTypes.MESSAGE_INBOUND,
                    "inbound-message",
                    message.conversationKey(),
                    message.receivedAt(),
                    message);
            return publisher
                    .publish(message.conversationKey(), envelope)
                    .replaceWith(IntakeResult.accepted(eventId))
                    .onFailure()
                    .recoverWithUni(failure -> release(message).flatMap(ignored -> {
                        LOG.warnf(
                                "could not publish message %s of inbox %s: %s",
                                message.providerMessageId(), message.inboxId(), failure.getMessage());
                        return Uni.createFrom()
                                .failure(ProblemException.unavailable("The message could not be stored; retry later."));
                    }));
        });
    }

    /** Same inbox and provider id → same event id, so even a retried publish stays one event for consumers. */
    static UUID eventId(InboundMessage message) {
        return UUID.nameUUIDFromBytes(
                ("inbound:" + message.inboxId() + ":" + message.providerMessageId()).getBytes(StandardCharsets.UTF_8));
    }

    private Uni<Boolean> claim(InboundMessage message, UUID eventId) {
        return Panache.withTransaction(() -> Panache.getSession()
                        .flatMap(session -> session.createNativeQuery(
                                        "insert into received_message (inbox_id, provider_message_id, event_id, received_at)"
                                                + " values (:inbox, :id, :event, :at) on conflict do nothing")
                                .setParameter("inbox", message.inboxId())
                                .setParameter("id", message.providerMessageId())
                                .setParameter("event", eventId)
                                .setParameter("at", message.receivedAt())
                                .executeUpdate()))
                .map(rows -> rows == 1);
    }

    private Uni<Void> release(InboundMessage message) {
        return Panache.withTransaction(() -> ReceivedMessage.delete(
                        "inboxId = ?1 and providerMessageId = ?2", message.inboxId(), message.providerMessageId()))
                .replaceWithVoid()
                .onFailure()
                .invoke(failure -> LOG.errorf(
                        "message %s of inbox %s was not published and its claim could not be released: a retry"
                                + " will be taken for a duplicate (%s)",
                        message.providerMessageId(), message.inboxId(), failure.getMessage()))
                .onFailure()
                .recoverWithNull();
    }
}
