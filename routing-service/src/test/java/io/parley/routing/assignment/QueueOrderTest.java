package io.parley.routing.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.routing.conversation.Conversation;
import io.parley.routing.conversation.Priority;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QueueOrderTest {
    private static final Instant T = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void priorityFirstThenLongestWaitingThenIdAsPostgresOrdersUuids() {
        Conversation urgentLate = waiting(Priority.URGENT, T.plusSeconds(60), "00000000-0000-0000-0000-000000000001");
        Conversation mediumEarly = waiting(Priority.MEDIUM, T, "00000000-0000-0000-0000-000000000002");
        Conversation mediumLate = waiting(Priority.MEDIUM, T.plusSeconds(1), "00000000-0000-0000-0000-000000000003");
        // Same priority and wait: PostgreSQL orders uuids by unsigned bytes, so 7f… comes before f0… (signed, f0… is
        // negative and UUID.compareTo puts it first).
        Conversation lowSmallId = waiting(Priority.LOW, T, "7fffffff-0000-0000-0000-000000000000");
        Conversation lowLargeId = waiting(Priority.LOW, T, "f0000000-0000-0000-0000-000000000000");
        Conversation high = waiting(Priority.HIGH, T.plusSeconds(30), "00000000-0000-0000-0000-000000000004");

        List<Conversation> queue =
                new ArrayList<>(List.of(lowLargeId, mediumLate, lowSmallId, high, mediumEarly, urgentLate));
        queue.sort(QueueOrder.FIRST_SERVED);

        assertEquals(List.of(urgentLate, high, mediumEarly, mediumLate, lowSmallId, lowLargeId), queue);
    }

    private static Conversation waiting(Priority priority, Instant since, String id) {
        Conversation conversation = new Conversation();
        conversation.id = UUID.fromString(id);
        conversation.priority = priority;
        conversation.waitingSince = since;
        return conversation;
    }
}
