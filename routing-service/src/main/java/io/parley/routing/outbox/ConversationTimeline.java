package io.parley.routing.outbox;

import io.parley.contracts.EventTypes;
import io.parley.contracts.api.Timeline;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The conversation_timeline rows: the events a conversation's timeline shows besides its messages, written with the
 * outbox's events (by {@link Outbox}, in the same statement when it writes a transaction's events together) and read
 * for {@code GET /conversations/{id}/timeline}.
 */
@ApplicationScoped
public class ConversationTimeline {
    /** The event types that go on the timeline; messages are shown from their own table. */
    static final Set<String> TYPES = Set.of(
            EventTypes.CONVERSATION_ASSIGNED,
            EventTypes.CONVERSATION_UNASSIGNED,
            EventTypes.CONVERSATION_TRANSFERRED,
            EventTypes.CONVERSATION_TAGGED,
            EventTypes.CONVERSATION_UNTAGGED,
            EventTypes.CONVERSATION_PRIORITY_CHANGED,
            EventTypes.CONVERSATION_STATUS_CHANGED,
            EventTypes.SLA_BREACHED);

    static final String[] TYPE_ARRAY = TYPES.toArray(String[]::new);

    private static final String WRITE_ONE = "insert into conversation_timeline"
            + " (event_id, conversation_id, type, event, occurred_at)"
            + " values (?1, cast(?2 as uuid), ?3, ?4, ?5)";

    /** Events of several kinds keep the same facts under different names; one entry shape serves them all. */
    private static final String READ = "select event_id, type, occurred_at, detail ->> 'actor',"
            + " coalesce(detail ->> 'assignee', detail ->> 'previousAssignee'), detail ->> 'tag',"
            + " coalesce(detail ->> 'from', detail ->> 'fromTeam'), coalesce(detail ->> 'to', detail ->> 'toTeam'),"
            + " detail ->> 'reason', detail ->> 'snoozedUntil', detail ->> 'metric'"
            + " from (select event_id, type, occurred_at, seq, cast(event as jsonb) -> 'payload' as detail"
            + " from conversation_timeline where conversation_id = $1) t order by seq";

    private final Pool pool;

    public ConversationTimeline(Pool pool) {
        this.pool = pool;
    }

    static boolean shows(OutboxEvent event) {
        return EventTypes.AGGREGATE_CONVERSATION.equals(event.aggregateType) && TYPES.contains(event.type);
    }

    /** Writes the event's row in the caller's transaction. */
    static Uni<Void> write(OutboxEvent event) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(WRITE_ONE)
                        .setParameter(1, event.eventId)
                        .setParameter(2, event.aggregateId)
                        .setParameter(3, event.type)
                        .setParameter(4, event.payload)
                        .setParameter(5, event.occurredAt)
                        .executeUpdate()
                        .replaceWithVoid());
    }

    /** The conversation's timeline events, oldest first. */
    public Uni<List<Timeline.Entry>> of(UUID conversationId) {
        return pool.preparedQuery(READ).execute(Tuple.of(conversationId)).map(rows -> {
            List<Timeline.Entry> entries = new ArrayList<>();
            for (Row row : rows) {
                entries.add(new Timeline.Entry(
                        row.getUUID(0),
                        row.getString(1),
                        instant(row.getOffsetDateTime(2)),
                        row.getString(3),
                        row.getString(4),
                        row.getString(5),
                        row.getString(6),
                        row.getString(7),
                        row.getString(8),
                        row.getString(9) == null ? null : Instant.parse(row.getString(9)),
                        row.getString(10)));
            }
            return entries;
        });
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
