package io.parley.ingest.intake;

import io.parley.ingest.channel.WebhookRequest;
import io.parley.ingest.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The intake's two writes on the hot path, on the reactive client directly: one statement archives the delivery and
 * claims its events (a single statement is atomic, so no BEGIN/COMMIT round trips), one releases failed claims. The
 * ORM's per-request session costs more than the insert itself here (see docs/benchmarks.md).
 */
@ApplicationScoped
public class IntakeRepository {
    private static final String ARCHIVE_AND_CLAIM = """
            with delivery as (
                insert into webhook_delivery (id, inbox_id, channel, content_type, body, received_at)
                values ($1, $2, $3, $4, $5, $6)
            )
            insert into received_message (inbox_id, provider_message_id, event_id, received_at, delivery_id, event,
                                          thread_key, customer_message)
            select $2, claim.key, claim.event_id, $6, $1, claim.event, claim.thread_key, claim.customer_message
            from unnest($7::text[], $8::uuid[], $9::text[], $10::text[], $11::boolean[])
                with ordinality as claim(key, event_id, event, thread_key, customer_message, position)
            order by claim.position
            on conflict do nothing
            returning provider_message_id
            """;

    private final Pool pool;

    public IntakeRepository(Pool pool) {
        this.pool = pool;
    }

    /** @return the dedup keys claimed now; the others were claimed before (duplicates) */
    public Uni<Set<String>> archiveAndClaim(Inbox inbox, WebhookRequest request, List<PendingEvent> events) {
        Tuple parameters = Tuple.tuple()
                .addUUID(UUID.randomUUID())
                .addString(inbox.id)
                .addString(inbox.channel)
                .addString(
                        request.contentType() == null
                                ? null
                                : request.contentType().toString())
                .addBuffer(io.vertx.mutiny.core.buffer.Buffer.buffer(request.body()))
                .addOffsetDateTime(request.receivedAt().atOffset(ZoneOffset.UTC))
                .addArrayOfString(events.stream().map(PendingEvent::dedupKey).toArray(String[]::new))
                .addArrayOfUUID(events.stream().map(e -> e.envelope().eventId()).toArray(UUID[]::new))
                .addArrayOfString(events.stream().map(PendingEvent::encoded).toArray(String[]::new))
                .addArrayOfString(events.stream().map(PendingEvent::threadKey).toArray(String[]::new))
                .addArrayOfBoolean(
                        events.stream().map(PendingEvent::customerMessage).toArray(Boolean[]::new));
        return pool.preparedQuery(ARCHIVE_AND_CLAIM).execute(parameters).map(rows -> {
            Set<String> claimed = new HashSet<>();
            for (Row row : rows) {
                claimed.add(row.getString(0));
            }
            return claimed;
        });
    }

    /** When the customer last wrote in this thread, if ever: WhatsApp's customer-service window runs from there. */
    public Uni<java.util.Optional<java.time.Instant>> lastCustomerMessage(String inboxId, String threadKey) {
        return pool.preparedQuery("select max(received_at) from received_message"
                        + " where inbox_id = $1 and thread_key = $2 and customer_message")
                .execute(Tuple.of(inboxId, threadKey))
                .map(rows -> {
                    java.time.OffsetDateTime at = rows.iterator().next().getOffsetDateTime(0);
                    return java.util.Optional.ofNullable(at).map(java.time.OffsetDateTime::toInstant);
                });
    }

    public Uni<Void> release(String inboxId, List<String> keys) {
        return pool.preparedQuery("delete from received_message where inbox_id = $1 and provider_message_id = any($2)")
                .execute(Tuple.of(inboxId, keys.toArray(String[]::new)))
                .replaceWithVoid();
    }
}
