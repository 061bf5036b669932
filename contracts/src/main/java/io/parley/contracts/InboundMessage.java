package io.parley.contracts;

import java.time.Instant;
import java.util.List;

/**
 * A customer's message as every channel adapter normalises it ({@link EventTypes#MESSAGE_INBOUND}).
 *
 * @param threadKey what the channel uses to keep one exchange together (sender id, e-mail thread root, tweet root)
 * @param publicPost true when the customer wrote in public, so an agent's reply will be public too
 * @param team the team the inbox routes to when it was received
 */
public record InboundMessage(
        String inboxId,
        String channel,
        String team,
        String providerMessageId,
        String threadKey,
        Contact contact,
        String text,
        List<Attachment> attachments,
        boolean publicPost,
        Instant sentAt,
        Instant receivedAt) {

    public record Contact(String sourceId, String displayName) {}

    public record Attachment(String kind, String url, String providerId) {}

    /** The Kafka key: one partition per conversation keeps its messages in order. */
    public String conversationKey() {
        return inboxId + ":" + threadKey;
    }
}
