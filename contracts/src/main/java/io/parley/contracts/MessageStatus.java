package io.parley.contracts;

import java.time.Instant;

/**
 * A channel's report on a message the brand sent ({@link EventTypes#MESSAGE_STATUS}): WhatsApp's statuses[],
 * Messenger's delivery and read watermarks.
 *
 * @param status sent, delivered, read or failed
 * @param threadKey the conversation's thread on the channel, so the status is keyed with its conversation
 */
public record MessageStatus(
        String inboxId,
        String channel,
        String providerMessageId,
        String threadKey,
        String status,
        Instant occurredAt,
        String error) {

    public static final String SENT = "sent";
    public static final String DELIVERED = "delivered";
    public static final String READ = "read";
    public static final String FAILED = "failed";

    public String conversationKey() {
        return inboxId + ":" + threadKey;
    }
}
