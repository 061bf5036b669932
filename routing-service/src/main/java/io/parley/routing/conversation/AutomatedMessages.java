package io.parley.routing.conversation;

import io.parley.contracts.OutboundMessage;
import io.parley.routing.contact.Contact;
import io.parley.routing.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Sends a text to the conversation's customer through ingest (the outbound topic, via the outbox so it leaves only if
 * the change that caused it commits). Used for agents' replies, auto-replies, away messages and surveys.
 */
@ApplicationScoped
public class AutomatedMessages {
    /** The author recorded for what Parley sends by itself; never counts as an agent's response. */
    public static final String AUTOMATION = "parley-automation";

    private final Outbox outbox;

    public AutomatedMessages(Outbox outbox) {
        this.outbox = outbox;
    }

    /** @param agent the agent's username, or {@link #AUTOMATION} */
    public Uni<UUID> send(Conversation conversation, String text, String agent, Instant now) {
        return Contact.<Contact>findById(conversation.contactId)
                .flatMap(contact -> Message.<Message>find(
                                "conversationId = ?1 and direction = ?2 order by sentAt desc",
                                conversation.id,
                                Message.INCOMING)
                        .firstResult()
                        .flatMap(last -> {
                            boolean publicReply = !AUTOMATION.equals(agent) && last != null && last.publicPost;
                            OutboundMessage message = new OutboundMessage(
                                    UUID.randomUUID(),
                                    conversation.id,
                                    conversation.inboxId,
                                    conversation.channel,
                                    conversation.threadKey,
                                    contact.sourceId,
                                    text,
                                    last == null ? null : last.subject,
                                    last == null ? null : last.providerMessageId,
                                    publicReply,
                                    agent,
                                    now);
                            return outbox.outbound(message).replaceWith(message.replyId());
                        }));
    }

    public static boolean byAgent(String author) {
        return author != null && !AUTOMATION.equals(author);
    }
}
