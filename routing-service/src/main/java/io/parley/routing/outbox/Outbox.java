package io.parley.routing.outbox;

import io.parley.contracts.ConversationEvents;
import io.parley.contracts.EventCodec;
import io.parley.contracts.EventTypes;
import io.parley.contracts.OutboundMessage;
import io.parley.contracts.Topics;
import io.parley.reactive.WorkLocal;
import io.parley.tracing.TraceParent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** Records conversation events inside the caller's transaction; {@link OutboxRelay} publishes them. */
@ApplicationScoped
public class Outbox {
    private static final WorkLocal<List<OutboxEvent>> PENDING = new WorkLocal<>("parley.outbox.pending");

    /** conversation.message_created for a message just stored. */
    public Uni<Void> messageCreated(
            UUID conversationId,
            UUID messageId,
            String inboxId,
            String channel,
            String direction,
            String text,
            Instant sentAt,
            String agent,
            String team,
            String assignee,
            Instant now) {
        return conversationEvent(
                EventTypes.CONVERSATION_MESSAGE_CREATED,
                conversationId,
                now,
                new ConversationEvents.MessageCreated(
                        conversationId, messageId, inboxId, channel, direction, text, sentAt, agent, team, assignee));
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

    /** An event about an agent rather than a conversation (their availability), keyed by username. */
    public Uni<Void> agentEvent(String type, String agent, Instant occurredAt, Object payload) {
        return persist(
                UUID.randomUUID(),
                type,
                EventTypes.AGGREGATE_AGENT,
                agent,
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
        // An agent's action: the request's trace. A routed record's events take the record's (causedBy).
        event.traceParent = TraceParent.valueOf(TraceParent.current());
        List<OutboxEvent> pending = PENDING.get();
        if (pending != null) {
            pending.add(event);
            return Uni.createFrom().voidItem();
        }
        Uni<Void> persisted = event.persist().replaceWithVoid();
        return ConversationTimeline.shows(event) ? persisted.call(() -> ConversationTimeline.write(event)) : persisted;
    }

    /**
     * Runs {@code work}, a step of a transaction begun by {@link #inTransaction}, and files the events it records under
     * {@code trace}: the relay sends them as part of it. Steps run one after the other (a batch's records are routed in
     * turn), so the events recorded meanwhile are this step's.
     */
    public <T> Uni<T> causedBy(TraceParent trace, Supplier<Uni<T>> work) {
        List<OutboxEvent> pending = PENDING.get();
        if (trace == null || pending == null) {
            return work.get();
        }
        int before = pending.size();
        return work.get().invoke(() -> {
            for (OutboxEvent event : pending.subList(before, pending.size())) {
                event.traceParent = trace.value();
            }
        });
    }

    /**
     * Runs {@code work} in a transaction whose events are written together, in one statement, just before it commits:
     * a message that causes five events costs one round trip to PostgreSQL for them instead of five. Outside such a
     * transaction events are written one by one as they come.
     */
    public <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        return Panache.withTransaction(() -> {
            List<OutboxEvent> pending = new ArrayList<>();
            return PENDING.during(pending, () -> work.get().call(() -> writeAll(pending)));
        });
    }

    /**
     * One statement of fixed text for any number of events (and the timeline rows of those a conversation's timeline
     * shows), their columns as arrays: a VALUES list of seven parameters
     * an event made a new statement for every size, which Hibernate parsed and bound parameter by parameter (a tenth
     * of routing's CPU in JFR at ~125 events a batch) and PostgreSQL planned afresh.
     */
    private static final String WRITE_ALL = "with e as (select * from unnest(cast(?1 as uuid[]), cast(?2 as text[]),"
            + " cast(?3 as text[]), cast(?4 as text[]), cast(?5 as text[]), cast(cast(?6 as text[]) as timestamptz[]),"
            + " cast(?7 as text[]), cast(?9 as text[])) with ordinality"
            + " as e(event_id, aggregate_type, aggregate_id, type, payload, occurred_at, topic, trace_parent,"
            + " position)),"
            // The timeline's rows (ConversationTimeline) in the same round trip.
            + " timeline as (insert into conversation_timeline (event_id, conversation_id, type, event, occurred_at)"
            + " select e.event_id, cast(e.aggregate_id as uuid), e.type, e.payload, e.occurred_at"
            + " from e where e.aggregate_type = 'conversation' and e.type = any(cast(?8 as text[]))"
            + " order by e.position)"
            + " insert into outbox_event (event_id, aggregate_type, aggregate_id, type, payload, occurred_at, topic,"
            + " trace_parent)"
            + " select e.event_id, e.aggregate_type, e.aggregate_id, e.type, e.payload, e.occurred_at, e.topic,"
            + " e.trace_parent"
            + " from e order by e.position";

    private static Uni<Void> writeAll(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] aggregateTypes = new String[n];
        String[] aggregateIds = new String[n];
        String[] types = new String[n];
        String[] payloads = new String[n];
        // As ISO-8601 text: Hibernate hands a time array to the driver as Instant[], which it cannot encode.
        String[] occurredAt = new String[n];
        String[] topics = new String[n];
        String[] traces = new String[n];
        for (int i = 0; i < n; i++) {
            OutboxEvent event = events.get(i);
            ids[i] = event.eventId;
            aggregateTypes[i] = event.aggregateType;
            aggregateIds[i] = event.aggregateId;
            types[i] = event.type;
            payloads[i] = event.payload;
            occurredAt[i] = event.occurredAt.toString();
            topics[i] = event.topic;
            traces[i] = event.traceParent;
        }
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(WRITE_ALL)
                        .setParameter(1, ids)
                        .setParameter(2, aggregateTypes)
                        .setParameter(3, aggregateIds)
                        .setParameter(4, types)
                        .setParameter(5, payloads)
                        .setParameter(6, occurredAt)
                        .setParameter(7, topics)
                        .setParameter(8, ConversationTimeline.TYPE_ARRAY)
                        .setParameter(9, traces)
                        .executeUpdate()
                        .replaceWithVoid());
    }
}
