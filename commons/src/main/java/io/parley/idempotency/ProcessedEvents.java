package io.parley.idempotency;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * Exactly-once effects over at-least-once Kafka delivery: a consumer marks an event id in the same transaction as the
 * effect, and skips the effect when the mark already exists. Every consuming service has a {@code processed_event}
 * table (event_id uuid primary key, processed_at timestamptz).
 */
public final class ProcessedEvents {
    private ProcessedEvents() {}

    /** Call inside the consumer's transaction. True the first time an event id is seen. */
    public static Uni<Boolean> markFirstTime(UUID eventId) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(
                                "insert into processed_event (event_id, processed_at) values (:id, now())"
                                        + " on conflict do nothing")
                        .setParameter("id", eventId)
                        .executeUpdate())
                .map(rows -> rows == 1);
    }
}
