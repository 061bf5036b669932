package io.parley.routing.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A conversation as routing's API shows it. {@code messages} is filled only for the detail view. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConversationView(
        UUID id,
        String inboxId,
        String channel,
        String team,
        String status,
        String priority,
        String assignee,
        ContactView contact,
        Instant createdAt,
        Instant lastMessageAt,
        List<MessageView> messages) {

    public record ContactView(UUID id, String sourceId, String displayName) {}

    public record MessageView(UUID id, String direction, String text, Instant sentAt) {}

    static ConversationView of(Conversation c, Contact contact, List<MessageView> messages) {
        return new ConversationView(
                c.id,
                c.inboxId,
                c.channel,
                c.team,
                c.status.name().toLowerCase(java.util.Locale.ROOT),
                c.priority.name().toLowerCase(java.util.Locale.ROOT),
                c.assignee,
                contact == null ? null : new ContactView(contact.id, contact.sourceId, contact.displayName),
                c.createdAt,
                c.lastMessageAt,
                messages);
    }
}
