package io.parley.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.UUID;

/**
 * Turns envelopes into Kafka record values and back. Owns its mapper so every service writes the same wire format
 * whatever its own Jackson settings are.
 */
public final class EventCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventCodec() {}

    public static EventEnvelope envelope(
            UUID eventId, String type, String aggregateType, String aggregateId, Instant occurredAt, Object payload) {
        return new EventEnvelope(eventId, type, aggregateType, aggregateId, occurredAt, MAPPER.valueToTree(payload));
    }

    /**
     * A customer's message as ingest publishes it, under a new event id; its aggregate id is the Kafka key
     * ({@link InboundMessage#conversationKey()}). For tools and tests that play ingest.
     */
    public static EventEnvelope inbound(InboundMessage message) {
        return envelope(
                UUID.randomUUID(),
                EventTypes.MESSAGE_INBOUND,
                "inbound-message",
                message.conversationKey(),
                message.receivedAt(),
                message);
    }

    public static String encode(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be serialised: " + envelope.type(), e);
        }
    }

    /**
     * The same text as {@code encode(envelope(...))}, written in one pass: building the payload's tree first cost a
     * second serialisation of every event on the hot paths.
     */
    public static String encode(
            UUID eventId, String type, String aggregateType, String aggregateId, Instant occurredAt, Object payload) {
        try {
            return MAPPER.writeValueAsString(
                    new WireEnvelope(eventId, type, aggregateType, aggregateId, occurredAt, payload));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be serialised: " + type, e);
        }
    }

    /** {@link EventEnvelope}'s fields in its order, with the payload as the object it is. */
    private record WireEnvelope(
            UUID eventId, String type, String aggregateType, String aggregateId, Instant occurredAt, Object payload) {}

    /** @throws MalformedEventException when the value is not an envelope; callers dead-letter it. */
    public static EventEnvelope decode(String value) {
        try {
            EventEnvelope envelope = MAPPER.readValue(value, EventEnvelope.class);
            if (envelope.eventId() == null || envelope.type() == null || envelope.payload() == null) {
                throw new MalformedEventException("envelope lacks eventId, type or payload");
            }
            return envelope;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not a JSON event envelope: " + e.getOriginalMessage());
        }
    }

    public static <T> T payload(EventEnvelope envelope, Class<T> type) {
        try {
            return MAPPER.treeToValue(envelope.payload(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("payload of " + envelope.type() + " is not a " + type.getSimpleName());
        }
    }

    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
