package io.parley.routing.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.parley.routing.contact.Contact;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A conversation as routing's API shows it. {@code messages} and {@code history} are filled only for the detail. */
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
        List<String> tags,
        String language,
        String sentiment,
        boolean publicPost,
        ContactView contact,
        Instant createdAt,
        Instant lastMessageAt,
        Instant firstReplyAt,
        Instant waitingSince,
        Instant snoozedUntil,
        Instant resolvedAt,
        List<MessageView> messages,
        List<HistoryView> history) {

    /** @param profileId the person across channels: GET /contacts/{profileId} */
    public record ContactView(UUID id, UUID profileId, String sourceId, String displayName) {}

    /** The person's other conversations, on any channel. */
    public record HistoryView(UUID id, String inboxId, String channel, String status, Instant createdAt) {}

    public record MessageView(
            UUID id,
            String providerMessageId,
            String direction,
            String kind,
            String subject,
            String text,
            boolean publicPost,
            String agent,
            String language,
            String sentiment,
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
                    m.language,
                    m.sentiment,
                    m.deliveryStatus,
                    m.deliveryError,
                    m.sentAt);
        }
    }

    static ConversationView of(
            Conversation c, Contact contact, List<String> tags, List<MessageView> messages, List<HistoryView> history) {
        return new ConversationView(
                c.id,
                c.inboxId,
                c.channel,
                c.threadKey,
                c.team,
                c.status.lower(),
                c.priority.lower(),
                c.assignee,
                tags,
                c.language,
                c.sentiment,
                c.publicPost,
                contact == null
                        ? null
                        : new ContactView(contact.id, contact.profileId(), contact.sourceId, contact.displayName),
                c.createdAt,
                c.lastMessageAt,
                c.firstReplyAt,
                c.waitingSince,
                c.snoozedUntil,
                c.resolvedAt,
                messages,
                history);
    }
}
