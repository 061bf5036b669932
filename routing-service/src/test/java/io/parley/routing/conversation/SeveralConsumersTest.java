package io.parley.routing.conversation;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.contracts.EventCodec;
import io.parley.contracts.EventTypes;
import io.parley.contracts.Topics;
import io.parley.routing.support.RoutingClient;
import io.parley.stack.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three consumers in one instance route their partitions' batches side by side: every customer gets a conversation
 * with exactly one assignment, and no batch has to fall back to routing its records one by one.
 */
@QuarkusTest
@TestProfile(SeveralConsumersTest.ThreeConsumers.class)
class SeveralConsumersTest {
    public static class ThreeConsumers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.routing.consumers", "3");
        }
    }

    private final ConcurrentLinkedQueue<String> warnings = new ConcurrentLinkedQueue<>();
    private final Handler listenerWarnings = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(String.valueOf(record.getMessage()));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    RoutingClient routing;

    @BeforeEach
    void setUp() {
        routing = new RoutingClient();
        routing.member(routing.team, "a-" + routing.team, null);
        routing.member(routing.team, "b-" + routing.team, null);
        Logger.getLogger(InboundMessageListener.class.getName()).addHandler(listenerWarnings);
    }

    @AfterEach
    void tearDown() {
        Logger.getLogger(InboundMessageListener.class.getName()).removeHandler(listenerWarnings);
        routing.close();
    }

    @Test
    void concurrentBatchesRouteEveryMessageOnceInTheirOwnTransactions() {
        List<String> customers =
                IntStream.range(0, 150).mapToObj(i -> "cust-" + i).toList();
        try (TopicProbe events = new TopicProbe(RoutingClient.bootstrap(), Topics.CONVERSATION_EVENTS)) {
            // Keyed by customer, so the records spread over the topic's three partitions, one consumer each.
            routing.customersTogether(customers, "Where is my parcel?");

            List<Map<String, Object>> conversations = await().atMost(RoutingClient.WAIT)
                    .until(
                            routing::conversations,
                            list -> list.size() == customers.size()
                                    && list.stream().allMatch(c -> c.get("assignee") != null));
            List<String> ids =
                    conversations.stream().map(c -> c.get("id").toString()).toList();
            await().atMost(RoutingClient.WAIT).untilAsserted(() -> {
                Map<String, Long> assigned = events.records().stream()
                        .filter(r -> ids.contains(r.key()))
                        .filter(r -> EventTypes.CONVERSATION_ASSIGNED.equals(
                                EventCodec.decode(r.value()).type()))
                        .collect(Collectors.groupingBy(r -> r.key(), Collectors.counting()));
                assertEquals(customers.size(), assigned.size());
                assertEquals(List.of(1L), assigned.values().stream().distinct().toList());
            });
        }
        assertEquals(
                List.of(),
                warnings.stream().filter(w -> w.contains("one by one")).toList(),
                "every batch committed as a whole");
    }
}
