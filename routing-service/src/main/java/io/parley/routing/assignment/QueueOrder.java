package io.parley.routing.assignment;

import io.parley.routing.conversation.Conversation;
import io.parley.routing.conversation.Priority;
import java.util.Comparator;
import java.util.UUID;

/**
 * The order a team's queue is served in: priority (urgent first), then longest waiting, then id. Both forms live here:
 * the clause the queue's query orders the stored conversations by, and the comparator that places a batch's new ones
 * among them.
 */
final class QueueOrder {
    /** Appended to a query of conversations; literals, like the queue's status (see {@link WaitingInQueue}). */
    static final String ORDER_BY = " order by case priority when io.parley.routing.conversation.Priority.URGENT then 0"
            + " when io.parley.routing.conversation.Priority.HIGH then 1"
            + " when io.parley.routing.conversation.Priority.MEDIUM then 2 else 3 end, waitingSince, id";

    /** {@link Priority} is declared in rising order, so the highest comes first in reverse. */
    static final Comparator<Conversation> FIRST_SERVED = Comparator.comparing(
                    (Conversation c) -> c.priority, Comparator.reverseOrder())
            .thenComparing(c -> c.waitingSince)
            .thenComparing(c -> c.id, QueueOrder::compareAsPostgres);

    private QueueOrder() {}

    /** PostgreSQL orders uuids by their bytes, unsigned; {@link UUID#compareTo} compares signed halves. */
    private static int compareAsPostgres(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
