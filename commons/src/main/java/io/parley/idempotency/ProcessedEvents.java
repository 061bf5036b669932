package io.parley.idempotency;

import io.parley.persistence.PlanCacheBypass;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Exactly-once effects over at-least-once Kafka delivery: a consumer marks an event id in the same transaction as the
 * effect, and skips the effect when the mark already exists. Every consuming service has a {@code processed_event}
 * table (event_id uuid primary key, processed_at timestamptz).
 */
public final class ProcessedEvents {
    private ProcessedEvents() {}

    /**
     * Fixed text for any batch size (the ids as one array): PostgreSQL prepares it once and Hibernate parses its
     * parameters once, where a VALUES list made a new statement for every size.
     */
    private static final String MARK = "insert into processed_event (event_id, processed_at)"
            + " select id, now() from unnest(cast(:ids as uuid[])) as e(id) where " + PlanCacheBypass.CONDITION
            + " on conflict do nothing returning event_id";

    /** Call inside the consumer's transaction. True the first time an event id is seen. */
    public static Uni<Boolean> markFirstTime(UUID eventId) {
        return markFirstTime(List.of(eventId)).map(fresh -> fresh.contains(eventId));
    }

    /**
     * Marks a batch's event ids in one statement, inside the consumer's transaction. Take each id out of the result
     * before its effect ({@code remove} returns true once): an id that appears twice in one batch is applied once.
     *
     * @return the ids seen for the first time
     */
    public static Uni<Set<UUID>> markFirstTime(List<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(new HashSet<>());
        }
        return Panache.getSession()
                .flatMap(session -> PlanCacheBypass.bind(session.createNativeQuery(MARK, UUID.class)
                                .setParameter("ids", eventIds.toArray(UUID[]::new)))
                        .getResultList()
                        .map(HashSet::new));
    }
}
