package io.parley.routing.outbox;

import io.parley.contracts.ConversationEvents;
import io.parley.contracts.EventCodec;
import io.parley.contracts.EventEnvelope;
import io.parley.contracts.EventTypes;
import io.parley.contracts.OutboundMessage;
import io.parley.contracts.Topics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Records conversation events inside the caller's transaction; {@link OutboxRelay} publishes them. */
@ApplicationScoped
public class Outbox {

    /** conversation.message_created for a message just stored. */
    public Uni<Void> messageCreated(
            UUID conversationId,
            UUID messageId,
            String inboxId,
            String channel,
            String direction,
            String text,
            Instant sentAt,
            Instant now) {
        return conversationEvent(
                EventTypes.CONVERSATION_MESSAGE_CREATED,
                conversationId,
                now,
                new ConversationEvents.MessageCreated(
                        conversationId, messageId, inboxId, channel, direction, text, sentAt));
    }

    /** A message for ingest to deliver to the customer; its result comes back like an agent's reply's. */
    public Uni<Void> outbound(OutboundMessage message) {
        String key = message.conversationId().toString();
        EventEnvelope envelope = EventCodec.envelope(
                message.replyId(), EventTypes.MESSAGE_OUTBOUND, "reply", key, message.requestedAt(), message);
        return persist(envelope, Topics.OUTBOUND_MESSAGES, message.requestedAt());
    }

    public Uni<Void> conversationEvent(String type, UUID conversationId, Instant occurredAt, Object payload) {
        EventEnvelope envelope = EventCodec.envelope(
                UUID.randomUUID(),
                type,
                EventTypes.AGGREGATE_CONVERSATION,
                conversationId.toString(),
                occurredAt,
                payload);
        return persist(envelope, Topics.CONVERSATION_EVENTS, occurredAt);
    }

    private Uni<Void> persist(EventEnvelope envelope, String topic, Instant occurredAt) {
        OutboxEvent event = new OutboxEvent();
        event.topic = topic;
        event.eventId = envelope.eventId();
        event.aggregateType = envelope.aggregateType();
        event.aggregateId = envelope.aggregateId();
        event.type = envelope.type();
        event.payload = EventCodec.encode(envelope);
        event.occurredAt = occurredAt;
        return event.persist().replaceWithVoid();
    }
}
