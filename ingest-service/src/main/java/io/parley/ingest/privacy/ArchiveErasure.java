package io.parley.ingest.privacy;

import io.parley.audit.AuditTrail;
import io.parley.security.Actor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Erases one person's part of ingest's archive (GDPR Art. 17): their accepted events lose the event (text, name, ids)
 * and thread key, their provider message ids become {@code erased:<event id>}, and the raw requests that carried
 * them are redacted — the body goes, the delivery's id, inbox, channel and time stay (the append-only trigger allows
 * exactly this). A delivery that also carried someone else's messages is redacted whole.
 */
@ApplicationScoped
public class ArchiveErasure {
    /** @param sourceId the person's id on the channel; @param threadKeys their conversations' thread keys */
    public record Request(String sourceId, List<String> threadKeys) {}

    public record Result(String inboxId, int events, int deliveries) {}

    private static final String ERASE = """
            with erased as (
                update received_message m
                set event = null, thread_key = null, kafka_key = null, provider_message_id = 'erased:' || m.event_id
                where m.inbox_id = $1
                  and m.event is not null
                  and (m.thread_key = any($2)
                       or (m.event::jsonb -> 'payload' -> 'contact' ->> 'sourceId') = $3
                       or (m.event::jsonb -> 'payload' ->> 'recipientId') = $3)
                returning m.delivery_id
            ), redacted as (
                update webhook_delivery d
                set body = ''::bytea, redacted_at = now()
                where d.id in (select delivery_id from erased) and d.redacted_at is null
                returning d.id
            )
            select (select count(*) from erased) as events, (select count(*) from redacted) as deliveries
            """;

    private final Pool pool;

    public ArchiveErasure(Pool pool) {
        this.pool = pool;
    }

    public Uni<Result> erase(String inboxId, Request request, Actor actor) {
        String[] threads = request.threadKeys() == null
                ? new String[0]
                : request.threadKeys().toArray(String[]::new);
        return pool.withTransaction(connection -> connection
                        .preparedQuery(ERASE)
                        .execute(Tuple.of(inboxId, threads, request.sourceId()))
                        .map(rows -> {
                            var row = rows.iterator().next();
                            return new Result(
                                    inboxId,
                                    row.getLong("events").intValue(),
                                    row.getLong("deliveries").intValue());
                        }))
                .call(result -> AuditTrail.record(
                        actor.username(),
                        "inbox.person_erased",
                        "inbox",
                        inboxId,
                        "events=" + result.events() + " deliveries=" + result.deliveries(),
                        Instant.now()));
    }
}
