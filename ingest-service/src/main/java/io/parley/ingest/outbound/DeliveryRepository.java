package io.parley.ingest.outbound;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class DeliveryRepository {
    /** A reply stuck in 'sending' this long was abandoned by a crashed instance and may be taken again. */
    static final String STALE = "2 minutes";

    private final Pool pool;

    public DeliveryRepository(Pool pool) {
        this.pool = pool;
    }

    /** True when this caller should deliver the reply: it is new, or an earlier attempt was abandoned. */
    public Uni<Boolean> claim(UUID replyId, String inboxId) {
        return pool.preparedQuery("insert into outbound_delivery (reply_id, inbox_id, status, attempts, updated_at)"
                        + " values ($1, $2, 'sending', 0, now())"
                        + " on conflict (reply_id) do update set updated_at = now()"
                        + " where outbound_delivery.status = 'sending'"
                        + " and outbound_delivery.updated_at < now() - interval '" + STALE + "'"
                        + " returning reply_id")
                .execute(Tuple.of(replyId, inboxId))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> finish(UUID replyId, String status, String providerMessageId, String error, int attempts) {
        return pool.preparedQuery("update outbound_delivery set status = $2, provider_message_id = $3, error = $4,"
                        + " attempts = $5, updated_at = now() where reply_id = $1")
                .execute(Tuple.of(replyId, status, providerMessageId, error == null ? null : truncate(error), attempts))
                .replaceWithVoid();
    }

    private static String truncate(String error) {
        return error.length() <= 1000 ? error : error.substring(0, 1000);
    }
}
