package io.parley.routing.outbox;

import io.parley.contracts.ConversationEvents;
import io.parley.contracts.EventCodec;
import io.parley.contracts.EventTypes;
import io.parley.contracts.OutboundMessage;
import io.parley.contracts.Topics;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** Records conversation events inside the caller's transaction; {@link OutboxRelay} publishes them. */
@ApplicationScoped
public class Outbox {
    private static final String PENDING = "parley.outbox.pending";

    /** conversation.message_created for a message just stored. */
    public Uni<Void> messageCreated(
            UUID conversationId,
            UUID messageId,
            String inboxId,
            String channel,
            String direction,
            String text,
            Instant sentAt,
            Instant now) {
        return conversationEvent(
                EventTypes.CONVERSATION_MESSAGE_CREATED,
                conversationId,
                now,
                new ConversationEvents.MessageCreated(
                        conversationId, messageId, inboxId, channel, direction, text, sentAt));
    }

    /** A message for ingest to deliver to the customer; its result comes back like an agent's reply's. */
    public Uni<Void> outbound(OutboundMessage message) {
        return persist(
                message.replyId(),
                EventTypes.MESSAGE_OUTBOUND,
                "reply",
                message.conversationId().toString(),
                message.requestedAt(),
                message,
                Topics.OUTBOUND_MESSAGES);
    }

    public Uni<Void> conversationEvent(String type, UUID conversationId, Instant occurredAt, Object payload) {
        return persist(
                UUID.randomUUID(),
                type,
                EventTypes.AGGREGATE_CONVERSATION,
                conversationId.toString(),
                occurredAt,
                payload,
                Topics.CONVERSATION_EVENTS);
    }

    private Uni<Void> persist(
            UUID eventId,
            String type,
            String aggregateType,
            String aggregateId,
            Instant occurredAt,
            Object payload,
            String topic) {
        OutboxEvent event = new OutboxEvent();
        event.topic = topic;
        event.eventId = eventId;
        event.aggregateType = aggregateType;
        event.aggregateId = aggregateId;
        event.type = type;
        event.payload = EventCodec.encode(eventId, type, aggregateType, aggregateId, occurredAt, payload);
        event.occurredAt = occurredAt;
        List<OutboxEvent> pending = pending();
        if (pending != null) {
            pending.add(event);
            return Uni.createFrom().voidItem();
        }
        return event.persist().replaceWithVoid();
    }

    /**
     * Runs {@code work} in a transaction whose events are written together, in one statement, just before it commits:
     * a message that causes five events costs one round trip to PostgreSQL for them instead of five. Outside such a
     * transaction events are written one by one as they come.
     */
    public <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        return Panache.withTransaction(() -> {
            Context context = Vertx.currentContext();
            List<OutboxEvent> pending = new ArrayList<>();
            context.putLocal(PENDING, pending);
            return work.get().call(() -> writeAll(pending)).eventually(() -> context.removeLocal(PENDING));
        });
    }

    private static List<OutboxEvent> pending() {
        Context context = Vertx.currentContext();
        return context == null ? null : context.getLocal(PENDING);
    }

    private static Uni<Void> writeAll(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        StringBuilder sql = new StringBuilder("insert into outbox_event"
                + " (event_id, aggregate_type, aggregate_id, type, payload, occurred_at, topic) values ");
        for (int i = 0; i < events.size(); i++) {
            int p = i * 7;
            sql.append(i == 0 ? "" : ", ")
                    .append(String.format(
                            "(?%d, ?%d, ?%d, ?%d, ?%d, ?%d, ?%d)", p + 1, p + 2, p + 3, p + 4, p + 5, p + 6, p + 7));
        }
        return Panache.getSession().flatMap(session -> {
            var insert = session.createNativeQuery(sql.toString());
            for (int i = 0; i < events.size(); i++) {
                OutboxEvent event = events.get(i);
                int p = i * 7;
                insert.setParameter(p + 1, event.eventId);
                insert.setParameter(p + 2, event.aggregateType);
                insert.setParameter(p + 3, event.aggregateId);
                insert.setParameter(p + 4, event.type);
                insert.setParameter(p + 5, event.payload);
                insert.setParameter(p + 6, event.occurredAt);
                insert.setParameter(p + 7, event.topic);
            }
            return insert.executeUpdate().replaceWithVoid();
        });
    }
}
