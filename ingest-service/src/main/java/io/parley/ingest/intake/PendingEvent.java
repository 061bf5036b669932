package io.parley.ingest.intake;

import io.parley.contracts.EventCodec;
import io.parley.contracts.EventTypes;
import io.parley.contracts.InboundMessage;
import io.parley.contracts.MessageStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * One event of a delivery, with the key it is deduplicated by (unique per inbox) and its Kafka key. The event id
 * derives from the dedup key, so the same provider event is always the same Parley event, retried or replayed.
 */
record PendingEvent(
        String dedupKey, String kafkaKey, UUID eventId, String encoded, String threadKey, boolean customerMessage) {

    static PendingEvent of(InboundMessage message) {
        return create(
                message.inboxId(),
                message.providerMessageId(),
                EventTypes.MESSAGE_INBOUND,
                message.conversationKey(),
                message.receivedAt(),
                message,
                message.threadKey(),
                !message.echo() && !message.autoReply());
    }

    static PendingEvent of(MessageStatus status, Instant receivedAt) {
        return create(
                status.inboxId(),
                "status:" + status.providerMessageId() + ":" + status.status(),
                EventTypes.MESSAGE_STATUS,
                status.conversationKey(),
                receivedAt,
                status,
                status.threadKey(),
                false);
    }

    private static PendingEvent create(
            String inboxId,
            String dedupKey,
            String type,
            String kafkaKey,
            Instant at,
            Object payload,
            String threadKey,
            boolean customerMessage) {
        UUID eventId = UUID.nameUUIDFromBytes(("inbound:" + inboxId + ":" + dedupKey).getBytes(StandardCharsets.UTF_8));
        // Encoded once: the same text is stored with the claim and sent to Kafka.
        return new PendingEvent(
                dedupKey,
                kafkaKey,
                eventId,
                EventCodec.encode(eventId, type, "inbound-message", kafkaKey, at, payload),
                threadKey,
                customerMessage);
    }

    /** Keys are stored as-is: PostgreSQL text cannot hold NUL, the claim column holds 255 characters. */
    boolean hasStorableKeys() {
        return storable(dedupKey, 255) && storable(kafkaKey, 10_000) && storable(threadKey, 255);
    }

    private static boolean storable(String value, int maxLength) {
        return value != null && !value.isEmpty() && value.length() <= maxLength && value.indexOf('\u0000') < 0;
    }
}
