package io.parley.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * What became of a reply ({@link EventTypes#MESSAGE_OUTBOUND_RESULT}): delivered, with the channel's message id, or
 * failed, with the reason an agent can act on.
 */
public record OutboundResult(
        UUID replyId,
        UUID conversationId,
        String inboxId,
        String channel,
        String threadKey,
        String status,
        String providerMessageId,
        String text,
        String agent,
        String error,
        int attempts,
        Instant at) {

    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";

    public String conversationKey() {
        return inboxId + ":" + threadKey;
    }
}
