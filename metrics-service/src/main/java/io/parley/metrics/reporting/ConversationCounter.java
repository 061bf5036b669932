package io.parley.metrics.reporting;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** One more conversation for an inbox and channel; an upsert, so concurrent consumers never lose a count. */
@ApplicationScoped
public class ConversationCounter {

    public Uni<Void> increment(String inboxId, String channel) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(
                                "insert into conversation_count (inbox_id, channel, conversations, updated_at)"
                                        + " values (:inbox, :channel, 1, now())"
                                        + " on conflict (inbox_id, channel) do update"
                                        + " set conversations = conversation_count.conversations + 1, updated_at = now()")
                        .setParameter("inbox", inboxId)
                        .setParameter("channel", channel)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
