package io.parley.routing.outbox;

import io.parley.contracts.EventCodec;
import io.parley.contracts.EventEnvelope;
import io.parley.contracts.EventTypes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Records conversation events inside the caller's transaction; {@link OutboxRelay} publishes them. */
@ApplicationScoped
public class Outbox {

    public Uni<Void> conversationEvent(String type, UUID conversationId, Instant occurredAt, Object payload) {
        EventEnvelope envelope = EventCodec.envelope(
                UUID.randomUUID(),
                type,
                EventTypes.AGGREGATE_CONVERSATION,
                conversationId.toString(),
                occurredAt,
                payload);
        OutboxEvent event = new OutboxEvent();
        event.eventId = envelope.eventId();
        event.aggregateType = envelope.aggregateType();
        event.aggregateId = envelope.aggregateId();
        event.type = envelope.type();
        event.payload = EventCodec.encode(envelope);
        event.occurredAt = occurredAt;
        return event.persist().replaceWithVoid();
    }
}
