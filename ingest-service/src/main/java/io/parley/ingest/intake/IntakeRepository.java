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
            insert into received_message (inbox_id, provider_message_id, event_id, received_at, delivery_id, event)
            select $2, claim.key, claim.event_id, $6, $1, claim.event
            from unnest($7::text[], $8::uuid[], $9::text[]) with ordinality as claim(key, event_id, event, position)
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
                .addArrayOfString(events.stream().map(PendingEvent::encoded).toArray(String[]::new));
        return pool.preparedQuery(ARCHIVE_AND_CLAIM).execute(parameters).map(rows -> {
            Set<String> claimed = new HashSet<>();
            for (Row row : rows) {
                claimed.add(row.getString(0));
            }
            return claimed;
        });
    }

    public Uni<Void> release(String inboxId, List<String> keys) {
        return pool.preparedQuery("delete from received_message where inbox_id = $1 and provider_message_id = any($2)")
                .execute(Tuple.of(inboxId, keys.toArray(String[]::new)))
                .replaceWithVoid();
    }
}
