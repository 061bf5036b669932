package io.parley.routing.assignment;

import io.parley.routing.conversation.Conversation;
import io.parley.routing.conversation.Priority;
import java.util.Comparator;
import java.util.UUID;

/**
 * The order a team's queue is served in: priority (urgent first), then longest waiting, then id. The queue's query
 * orders the stored conversations the same way; this places a batch's new ones among them.
 */
final class QueueOrder {
    static final Comparator<Conversation> FIRST_SERVED = Comparator.comparingInt((Conversation c) -> rank(c.priority))
            .thenComparing(c -> c.waitingSince)
            .thenComparing(c -> c.id, QueueOrder::compareAsPostgres);

    private QueueOrder() {}

    static int rank(Priority priority) {
        return switch (priority) {
            case URGENT -> 0;
            case HIGH -> 1;
            case MEDIUM -> 2;
            case LOW -> 3;
        };
    }

    /** PostgreSQL orders uuids by their bytes, unsigned; {@link UUID#compareTo} compares signed halves. */
    private static int compareAsPostgres(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
