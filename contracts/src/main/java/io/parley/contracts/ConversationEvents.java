package io.parley.contracts;

import java.time.Instant;
import java.util.UUID;

/** Payloads of the conversation events routing-service publishes on {@link Topics#CONVERSATION_EVENTS}. */
public final class ConversationEvents {
    private ConversationEvents() {}

    public record Created(
            UUID conversationId, String inboxId, String channel, String team, UUID contactId, Instant createdAt) {}

    public record MessageCreated(
            UUID conversationId,
            UUID messageId,
            String inboxId,
            String channel,
            String direction,
            String text,
            Instant sentAt) {}

    public record Assigned(UUID conversationId, String inboxId, String team, String assignee, Instant assignedAt) {}
}
