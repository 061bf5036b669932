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
        String threadKey,
        String team,
        String status,
        String priority,
        String assignee,
        ContactView contact,
        Instant createdAt,
        Instant lastMessageAt,
        List<MessageView> messages) {

    public record ContactView(UUID id, String sourceId, String displayName) {}

    public record MessageView(
            UUID id,
            String providerMessageId,
            String direction,
            String kind,
            String subject,
            String text,
            boolean publicPost,
            String agent,
            String deliveryStatus,
            String deliveryError,
            Instant sentAt) {
        static MessageView of(Message m) {
            return new MessageView(
                    m.id,
                    m.providerMessageId,
                    m.direction,
                    m.kind,
                    m.subject,
                    m.content,
                    m.publicPost,
                    m.agent,
                    m.deliveryStatus,
                    m.deliveryError,
                    m.sentAt);
        }
    }

    static ConversationView of(Conversation c, Contact contact, List<MessageView> messages) {
        return new ConversationView(
                c.id,
                c.inboxId,
                c.channel,
                c.threadKey,
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
