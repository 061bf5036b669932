package io.parley.routing.conversation;

import io.parley.routing.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Appends a message to its conversation and records the conversation.message_created event with it. */
@ApplicationScoped
public class MessageLog {
    private final Outbox outbox;

    public MessageLog(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> append(Conversation conversation, Message message, Instant now) {
        conversation.updatedAt = now;
        return message.persist()
                .call(() -> outbox.messageCreated(
                        conversation.id,
                        message.id,
                        conversation.inboxId,
                        conversation.channel,
                        message.direction,
                        message.content,
                        message.sentAt,
                        now))
                .replaceWithVoid();
    }
}
