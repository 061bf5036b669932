package io.parley.routing.conversation;

import io.parley.contracts.api.Conversations;
import io.parley.routing.contact.Contact;
import java.util.List;

/** Conversations as routing's API shows them (contracts/api/Conversations), made from the stored rows. */
final class ConversationView {
    private ConversationView() {}

    static Conversations.Message message(Message m) {
        return new Conversations.Message(
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

    /** {@code messages} and {@code history} only for the detail; null leaves them out of a list's items. */
    static Conversations.Conversation of(
            Conversation c,
            Contact contact,
            List<String> tags,
            List<Conversations.Message> messages,
            List<Conversations.History> history) {
        return new Conversations.Conversation(
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
                        : new Conversations.Contact(
                                contact.id, contact.profileId(), contact.sourceId, contact.displayName),
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
