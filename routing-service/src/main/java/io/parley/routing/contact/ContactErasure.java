package io.parley.routing.contact;

import io.parley.audit.AuditTrail;
import io.parley.contracts.api.Contacts;
import io.parley.problem.ProblemException;
import io.parley.security.Actor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Erasure of one person (GDPR Art. 17) from routing: every identity merged into their profile loses its channel id,
 * name, addresses and attributes, their notes are deleted, and their conversations keep their shape (times, team,
 * status, who answered) but no text, subject, thread key or provider message id. What other services need to erase
 * their part comes from {@link #identities} first, since afterwards nothing here names the person any more.
 */
@ApplicationScoped
public class ContactErasure {
    /** One channel identity of the person and its threads, for ingest to redact its archive. */
    private final Pool pool;

    private final Clock clock;

    public ContactErasure(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<List<Contacts.ErasureTarget>> identities(UUID contactId) {
        return pool.withConnection(
                connection -> profile(connection, contactId).flatMap(contacts -> identities(connection, contacts)));
    }

    public Uni<Contacts.Erased> erase(UUID contactId, Actor actor) {
        return pool.withTransaction(connection -> profile(connection, contactId).flatMap(contacts -> {
                    List<UUID> ids =
                            contacts.stream().map(row -> row.getUUID("id")).toList();
                    UUID[] contactIds = ids.toArray(UUID[]::new);
                    return connection
                            .preparedQuery("select id from conversation where contact_id = any($1)")
                            .execute(Tuple.of(contactIds))
                            .flatMap(rows -> {
                                List<UUID> conversations = new ArrayList<>();
                                rows.forEach(row -> conversations.add(row.getUUID("id")));
                                UUID[] conversationIds = conversations.toArray(UUID[]::new);
                                return update(
                                                connection,
                                                "update message set content = null, subject = null,"
                                                        + " provider_message_id = 'erased:' || id"
                                                        + " where conversation_id = any($1)",
                                                conversationIds)
                                        .call(() -> update(
                                                connection,
                                                "update csat_survey set comment = null where conversation_id = any($1)",
                                                conversationIds))
                                        .call(() -> update(
                                                connection,
                                                "update conversation set thread_key = 'erased:' || id where id = any($1)",
                                                conversationIds))
                                        .call(() -> update(
                                                connection,
                                                "delete from contact_note where contact_id = any($1)",
                                                contactIds))
                                        .call(() -> update(
                                                connection,
                                                "update contact set source_id = 'erased:' || id, display_name = null,"
                                                        + " email = null, phone = null, attributes = '{}'"
                                                        + " where id = any($1)",
                                                contactIds))
                                        .map(messages -> new Contacts.Erased(
                                                contactId, ids.size(), conversations.size(), messages));
                            });
                }))
                .call(result -> AuditTrail.record(
                        actor.username(),
                        "contact.erased",
                        "contact",
                        contactId.toString(),
                        "contacts=" + result.contacts() + " conversations=" + result.conversations() + " messages="
                                + result.messages(),
                        clock.instant()));
    }

    /** Every contact of the person's profile: the one asked for, what it was merged into, and what was merged into that. */
    private static Uni<List<Row>> profile(SqlConnection connection, UUID contactId) {
        return connection
                .preparedQuery("select c.id, c.inbox_id, c.source_id from contact c"
                        + " where c.id = (select coalesce(merged_into, id) from contact where id = $1)"
                        + " or c.merged_into = (select coalesce(merged_into, id) from contact where id = $1)"
                        + " order by c.created_at")
                .execute(Tuple.of(contactId))
                .map(rows -> {
                    List<Row> contacts = new ArrayList<>();
                    rows.forEach(contacts::add);
                    if (contacts.isEmpty()) {
                        throw ProblemException.notFound("No contact " + contactId + ".");
                    }
                    return contacts;
                });
    }

    private static Uni<List<Contacts.ErasureTarget>> identities(SqlConnection connection, List<Row> contacts) {
        UUID[] ids = contacts.stream().map(row -> row.getUUID("id")).toArray(UUID[]::new);
        return connection
                .preparedQuery("select contact_id, thread_key from conversation where contact_id = any($1)")
                .execute(Tuple.of(ids))
                .map(rows -> {
                    Map<UUID, List<String>> threads = new LinkedHashMap<>();
                    rows.forEach(row -> threads.computeIfAbsent(row.getUUID("contact_id"), id -> new ArrayList<>())
                            .add(row.getString("thread_key")));
                    return contacts.stream()
                            .map(row -> new Contacts.ErasureTarget(
                                    row.getUUID("id"),
                                    row.getString("inbox_id"),
                                    row.getString("source_id"),
                                    threads.getOrDefault(row.getUUID("id"), List.of())))
                            .toList();
                });
    }

    private static Uni<Integer> update(SqlConnection connection, String sql, UUID[] ids) {
        return connection.preparedQuery(sql).execute(Tuple.of(ids)).map(result -> result.rowCount());
    }
}
