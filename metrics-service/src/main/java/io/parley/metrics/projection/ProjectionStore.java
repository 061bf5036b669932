package io.parley.metrics.projection;

import io.parley.contracts.ConversationEvents;
import io.parley.metrics.rollup.RollupLock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads and writes the projection inside the consumer's transaction. Each write is one statement of fixed text for the
 * whole batch, its rows passed as arrays (unnest): a batch costs the same few round trips whatever its size.
 */
@ApplicationScoped
public class ProjectionStore {
    private static final String MARK = "insert into processed_event (event_id, processed_at)"
            + " select id, now() from unnest($1::uuid[]) as e(id) on conflict do nothing returning event_id";

    private static final String LOAD =
            "select conversation_id, inbox_id, channel, team, assignee, priority, contact_id,"
                    + " status, created_at, first_reply_at, queued_since, agent_replies, reopened, updated_at"
                    + " from report_conversation where conversation_id = any($1::uuid[])";

    private static final String SAVE = "insert into report_conversation (conversation_id, inbox_id, channel, team,"
            + " assignee, priority, contact_id, status, created_at, first_reply_at, queued_since, agent_replies, reopened,"
            + " updated_at)"
            + " select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],"
            + " $7::uuid[], $8::text[], $9::timestamptz[], $10::timestamptz[], $11::timestamptz[], $12::int[],"
            + " $13::bool[], $14::timestamptz[])"
            + " on conflict (conversation_id) do update set inbox_id = excluded.inbox_id, channel = excluded.channel,"
            + " team = excluded.team, assignee = excluded.assignee, priority = excluded.priority,"
            + " contact_id = excluded.contact_id, status = excluded.status, created_at = excluded.created_at,"
            + " first_reply_at = excluded.first_reply_at, queued_since = excluded.queued_since,"
            + " agent_replies = excluded.agent_replies, reopened = excluded.reopened, updated_at = excluded.updated_at";

    private static final String INSERT_EVENTS = "insert into reporting_event (event_id, name, detail, policy_id, value,"
            + " business_value, started_at, occurred_at, conversation_id, inbox_id, channel, team, agent, priority,"
            + " contact_id, replies)"
            + " select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int8[], $6::int8[],"
            + " $7::timestamptz[], $8::timestamptz[], $9::uuid[], $10::text[], $11::text[], $12::text[], $13::text[],"
            + " $14::text[], $15::uuid[], $16::int[])"
            + " on conflict (conversation_id, event_id) do nothing";

    /**
     * After the batch's events are in (this batch's openings and earlier ones alike): each opening of a conversation
     * that has had its first response gets its conversation_answered fact, once (the id derives from the opening's).
     */
    private static final String ANSWERED = "insert into reporting_event (event_id, name, occurred_at,"
            + " conversation_id, inbox_id, channel, team, agent, priority, contact_id)"
            + " select md5(event_id::text || ':answered')::uuid, 'conversation_answered', occurred_at, conversation_id,"
            + " inbox_id, channel, team, agent, priority, contact_id from reporting_event"
            + " where conversation_id = any($1::uuid[]) and name = 'conversation_opened'"
            + " on conflict (conversation_id, event_id) do nothing";

    /** Reopened: each first-contact resolution of the conversation is taken back (-1), once. */
    private static final String REOPENED = "insert into reporting_event (event_id, name, value, occurred_at,"
            + " conversation_id, inbox_id, channel, team, agent, priority, contact_id)"
            + " select md5(event_id::text || ':lost')::uuid, 'first_contact_resolution', -1, occurred_at,"
            + " conversation_id, inbox_id, channel, team, agent, priority, contact_id from reporting_event"
            + " where conversation_id = any($1::uuid[]) and name = 'first_contact_resolution' and value = 1"
            + " on conflict (conversation_id, event_id) do nothing";

    private static final String ADD_TAGS = "insert into report_conversation_tag (conversation_id, tag)"
            + " select * from unnest($1::uuid[], $2::text[]) on conflict do nothing";

    private static final String REMOVE_TAGS = "delete from report_conversation_tag t"
            + " using unnest($1::uuid[], $2::text[]) as d(conversation_id, tag)"
            + " where t.conversation_id = d.conversation_id and t.tag = d.tag";

    private static final String PRESENCE = "insert into agent_presence (agent, availability, teams, changed_at)"
            + " values ($1, $2, $3, $4) on conflict (agent) do update set availability = excluded.availability,"
            + " teams = excluded.teams, changed_at = excluded.changed_at"
            + " where agent_presence.changed_at <= excluded.changed_at";

    /** @return the ids seen for the first time */
    public Uni<Set<UUID>> markFirstTime(SqlConnection connection, List<UUID> eventIds) {
        return connection
                .preparedQuery(MARK)
                .execute(Tuple.of(eventIds.toArray(UUID[]::new)))
                .map(rows -> {
                    Set<UUID> fresh = new HashSet<>();
                    for (Row row : rows) {
                        fresh.add(row.getUUID(0));
                    }
                    return fresh;
                });
    }

    public Uni<Map<UUID, ConversationState>> load(SqlConnection connection, Collection<UUID> conversationIds) {
        if (conversationIds.isEmpty()) {
            return Uni.createFrom().item(new HashMap<>());
        }
        return connection
                .preparedQuery(LOAD)
                .execute(Tuple.of(conversationIds.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, ConversationState> states = new HashMap<>();
                    for (Row row : rows) {
                        ConversationState s = new ConversationState();
                        s.conversationId = row.getUUID("conversation_id");
                        s.inboxId = row.getString("inbox_id");
                        s.channel = row.getString("channel");
                        s.team = row.getString("team");
                        s.assignee = row.getString("assignee");
                        s.priority = row.getString("priority");
                        s.contactId = row.getUUID("contact_id");
                        s.status = row.getString("status");
                        s.createdAt = instant(row, "created_at");
                        s.firstReplyAt = instant(row, "first_reply_at");
                        s.queuedSince = instant(row, "queued_since");
                        s.agentReplies = row.getInteger("agent_replies");
                        s.reopened = row.getBoolean("reopened");
                        s.updatedAt = instant(row, "updated_at");
                        states.put(s.conversationId, s);
                    }
                    return states;
                });
    }

    /** Holds the rollups back (shared, with every other writer) until this transaction ends: {@link RollupLock}. */
    public Uni<Void> write(SqlConnection connection, ProjectionBatch batch) {
        return connection
                .query(RollupLock.WRITER)
                .execute()
                .call(() -> saveConversations(connection, batch.conversations()))
                .call(() -> insertEvents(connection, batch.events()))
                .call(() -> flag(connection, ANSWERED, batch.answered()))
                .call(() -> flag(connection, REOPENED, batch.reopened()))
                .call(() -> writeTags(connection, batch.tags()))
                .call(() -> writePresence(connection, byAgent(batch.presence()), 0))
                .replaceWithVoid();
    }

    private Uni<Void> saveConversations(SqlConnection connection, Collection<ConversationState> states) {
        if (states.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = states.size();
        UUID[] ids = new UUID[n];
        String[] inboxes = new String[n];
        String[] channels = new String[n];
        String[] teams = new String[n];
        String[] assignees = new String[n];
        String[] priorities = new String[n];
        UUID[] contacts = new UUID[n];
        String[] statuses = new String[n];
        OffsetDateTime[] created = new OffsetDateTime[n];
        OffsetDateTime[] firstReplies = new OffsetDateTime[n];
        OffsetDateTime[] queued = new OffsetDateTime[n];
        Integer[] replies = new Integer[n];
        Boolean[] reopened = new Boolean[n];
        OffsetDateTime[] updated = new OffsetDateTime[n];
        int i = 0;
        for (ConversationState s : states) {
            ids[i] = s.conversationId;
            inboxes[i] = s.inboxId;
            channels[i] = s.channel;
            teams[i] = s.team;
            assignees[i] = s.assignee;
            priorities[i] = s.priority;
            contacts[i] = s.contactId;
            statuses[i] = s.status;
            created[i] = offset(s.createdAt);
            firstReplies[i] = offset(s.firstReplyAt);
            queued[i] = offset(s.queuedSince);
            replies[i] = s.agentReplies;
            reopened[i] = s.reopened;
            updated[i] = offset(s.updatedAt);
            i++;
        }
        return connection
                .preparedQuery(SAVE)
                .execute(Tuple.from(new Object[] {
                    ids,
                    inboxes,
                    channels,
                    teams,
                    assignees,
                    priorities,
                    contacts,
                    statuses,
                    created,
                    firstReplies,
                    queued,
                    replies,
                    reopened,
                    updated
                }))
                .replaceWithVoid();
    }

    private Uni<Void> insertEvents(SqlConnection connection, List<ReportingEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] names = new String[n];
        String[] details = new String[n];
        String[] policies = new String[n];
        Long[] values = new Long[n];
        Long[] business = new Long[n];
        OffsetDateTime[] started = new OffsetDateTime[n];
        OffsetDateTime[] occurred = new OffsetDateTime[n];
        UUID[] conversations = new UUID[n];
        String[] inboxes = new String[n];
        String[] channels = new String[n];
        String[] teams = new String[n];
        String[] agents = new String[n];
        String[] priorities = new String[n];
        UUID[] contacts = new UUID[n];
        Integer[] replies = new Integer[n];
        for (int i = 0; i < n; i++) {
            ReportingEvent e = events.get(i);
            ids[i] = e.eventId();
            names[i] = e.name();
            details[i] = e.detail();
            policies[i] = e.policyId();
            values[i] = e.value();
            business[i] = e.businessValue();
            started[i] = offset(e.startedAt());
            occurred[i] = offset(e.occurredAt());
            conversations[i] = e.conversationId();
            inboxes[i] = e.inboxId();
            channels[i] = e.channel();
            teams[i] = e.team();
            agents[i] = e.agent();
            priorities[i] = e.priority();
            contacts[i] = e.contactId();
            replies[i] = e.replies();
        }
        return connection
                .preparedQuery(INSERT_EVENTS)
                .execute(Tuple.from(new Object[] {
                    ids,
                    names,
                    details,
                    policies,
                    values,
                    business,
                    started,
                    occurred,
                    conversations,
                    inboxes,
                    channels,
                    teams,
                    agents,
                    priorities,
                    contacts,
                    replies
                }))
                .replaceWithVoid();
    }

    private static Uni<Void> flag(SqlConnection connection, String sql, Set<UUID> conversations) {
        if (conversations.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection
                .preparedQuery(sql)
                .execute(Tuple.of(conversations.toArray(UUID[]::new)))
                .replaceWithVoid();
    }

    private Uni<Void> writeTags(SqlConnection connection, Map<ProjectionBatch.TagKey, Boolean> tags) {
        List<ProjectionBatch.TagKey> added = new ArrayList<>();
        List<ProjectionBatch.TagKey> removed = new ArrayList<>();
        tags.forEach((key, present) -> (present ? added : removed).add(key));
        return tagStatement(connection, ADD_TAGS, added).call(() -> tagStatement(connection, REMOVE_TAGS, removed));
    }

    private static Uni<Void> tagStatement(SqlConnection connection, String sql, List<ProjectionBatch.TagKey> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection
                .preparedQuery(sql)
                .execute(Tuple.of(
                        keys.stream()
                                .map(ProjectionBatch.TagKey::conversationId)
                                .toArray(UUID[]::new),
                        keys.stream().map(ProjectionBatch.TagKey::tag).toArray(String[]::new)))
                .replaceWithVoid();
    }

    /**
     * In the order of the agents' names, as every consumer writes them: two batches on two partitions then lock their
     * rows in the same order and never wait on each other in a circle.
     */
    private static List<ConversationEvents.AgentAvailabilityChanged> byAgent(
            Collection<ConversationEvents.AgentAvailabilityChanged> changes) {
        return changes.stream()
                .sorted(java.util.Comparator.comparing(ConversationEvents.AgentAvailabilityChanged::agent))
                .toList();
    }

    /** Availability changes are rare (an agent's few a day): one statement each. */
    private Uni<Void> writePresence(
            SqlConnection connection, List<ConversationEvents.AgentAvailabilityChanged> changes, int from) {
        if (from >= changes.size()) {
            return Uni.createFrom().voidItem();
        }
        ConversationEvents.AgentAvailabilityChanged change = changes.get(from);
        List<String> teams = change.teams() == null ? List.of() : change.teams();
        return connection
                .preparedQuery(PRESENCE)
                .execute(Tuple.of(
                        change.agent(), change.availability(), teams.toArray(String[]::new), offset(change.at())))
                .flatMap(rows -> writePresence(connection, changes, from + 1));
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
