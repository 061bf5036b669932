package io.parley.routing.conversation;

import io.parley.reactive.WorkLocal;
import io.parley.routing.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Appends a message to its conversation and records the conversation.message_created event with it.
 *
 * <p>Inside {@link #heldUntilDone} the messages are persisted together when the work is done. Hibernate groups only
 * consecutive inserts of one table into a batched statement, and in a batch of new customers each message followed its
 * new contact, so every insert went to PostgreSQL on its own round trip (two per message). Held back, a batch's
 * messages go out as one or two statements. While held, a message is found by {@link #held} only: a query would not
 * see it yet.
 */
@ApplicationScoped
public class MessageLog {
    private static final WorkLocal<Held> HELD = new WorkLocal<>("parley.messages.held");

    private final Outbox outbox;

    public MessageLog(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> append(Conversation conversation, Message message, Instant now) {
        conversation.updatedAt = now;
        Held held = HELD.get();
        Uni<Void> stored;
        if (held != null) {
            held.add(message);
            stored = Uni.createFrom().voidItem();
        } else {
            stored = message.persist().replaceWithVoid();
        }
        return stored.call(() -> outbox.messageCreated(
                conversation.id,
                message.id,
                conversation.inboxId,
                conversation.channel,
                message.direction,
                message.content,
                message.sentAt,
                message.agent,
                conversation.team,
                conversation.assignee,
                now));
    }

    /** Runs {@code work} (inside the caller's transaction) with the messages it appends persisted together after it. */
    public <T> Uni<T> heldUntilDone(Supplier<Uni<T>> work) {
        Held held = new Held();
        return HELD.during(
                held,
                () -> work.get()
                        .call(() -> held.messages.isEmpty()
                                ? Uni.createFrom().voidItem()
                                : Panache.getSession()
                                        .flatMap(session -> session.persistAll(held.messages.toArray()))));
    }

    /** The message of this provider id: the one the running batch holds unwritten, else the stored one (or null). */
    Uni<Message> byProviderId(String inboxId, String providerMessageId) {
        Message held = held(inboxId, providerMessageId);
        return held != null
                ? Uni.createFrom().item(held)
                : Message.<Message>find("inboxId = ?1 and providerMessageId = ?2", inboxId, providerMessageId)
                        .firstResult();
    }

    /** The message of this provider id that the running batch appended and still holds unwritten, or null. */
    Message held(String inboxId, String providerMessageId) {
        Held held = HELD.get();
        return held == null || providerMessageId == null
                ? null
                : held.byProviderId.get(new ProviderId(inboxId, providerMessageId));
    }

    private record ProviderId(String inboxId, String id) {}

    private static final class Held {
        final List<Message> messages = new ArrayList<>();
        final Map<ProviderId, Message> byProviderId = new HashMap<>();

        void add(Message message) {
            messages.add(message);
            if (message.providerMessageId != null) {
                byProviderId.putIfAbsent(new ProviderId(message.inboxId, message.providerMessageId), message);
            }
        }
    }
}
