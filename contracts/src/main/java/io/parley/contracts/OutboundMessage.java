package io.parley.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * An agent's reply for ingest-service to deliver ({@link EventTypes#MESSAGE_OUTBOUND} on
 * {@link Topics#OUTBOUND_MESSAGES}).
 *
 * @param replyId the reply's id: delivery is idempotent on it, and its {@link OutboundResult} carries it back
 * @param recipientId the customer's id on the channel (wa_id, PSID, X user id, Telegram chat id, e-mail address)
 * @param replyTo the provider id of the customer message answered: a tweet to reply under, a mail's Message-ID
 * @param publicPost true when the reply is public (a tweet reply), as the agent was warned
 */
public record OutboundMessage(
        UUID replyId,
        UUID conversationId,
        String inboxId,
        String channel,
        String threadKey,
        String recipientId,
        String text,
        String subject,
        String replyTo,
        boolean publicPost,
        String agent,
        Instant requestedAt) {

    public String conversationKey() {
        return inboxId + ":" + threadKey;
    }
}
