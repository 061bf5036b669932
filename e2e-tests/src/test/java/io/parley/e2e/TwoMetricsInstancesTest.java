package io.parley.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.contracts.ConversationEvents;
import io.parley.contracts.EventCodec;
import io.parley.contracts.EventTypes;
import io.parley.contracts.Topics;
import io.parley.stack.ServiceNode;
import io.parley.stack.testing.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two metrics-service processes in one consumer group on one database, as the Helm chart runs them: they start at
 * once on an empty database (both run the migrations), the partitions of parley.conversation-events are shared, one leaves and comes back (the group rebalances twice, and
 * records in flight are delivered again), and a share of the events is published twice besides. Every event is
 * counted exactly once.
 */
class TwoMetricsInstancesTest {
    static final int PARTITIONS = 6;
    static final int CONVERSATIONS_PER_ROUND = 40;

    static RoutingServers servers;
    static RoutingDatabase metrics;

    @BeforeAll
    static void start() throws Exception {
        servers = RoutingServers.start("metrics-race", List.of("metrics"));
        metrics = servers.database();
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.CONVERSATION_EVENTS, PARTITIONS, (short) 1)))
                    .all()
                    .get();
        }
    }

    @AfterAll
    static void stop() {
        if (servers != null) servers.close();
    }

    @Test
    void sharedPartitionsARebalanceAndRedeliveriesCountEveryEventOnce() throws Exception {
        // Both start at once on the empty database, as replicas of a new release do: Flyway's lock lets one migrate.
        CompletableFuture<ServiceNode> starting =
                CompletableFuture.supplyAsync(() -> servers.service("metrics-service", clientId("metrics-a")));
        ServiceNode second = servers.service("metrics-service", clientId("metrics-b"));
        ServiceNode first = starting.get(3, TimeUnit.MINUTES);
        awaitConsuming("metrics-a", "metrics-b");
        List<String> sent = new ArrayList<>();
        try (TopicWriter writer = new TopicWriter(servers.bootstrapServers())) {
            sent.addAll(round(writer));
            await().atMost(Duration.ofSeconds(60)).until(() -> opened() > 0);
            // One instance leaves mid-stream: its partitions move to the other.
            first.stop();
            sent.addAll(round(writer));
            // It comes back: they move again.
            ServiceNode again = servers.service("metrics-service", clientId("metrics-c"));
            awaitConsuming("metrics-b", "metrics-c");
            sent.addAll(round(writer));
            // A redelivery of every fifth event, as a producer retry or a replayed batch would bring it.
            for (int i = 0; i < sent.size(); i += 5) {
                String value = sent.get(i);
                writer.send(Topics.CONVERSATION_EVENTS, EventCodec.decode(value).aggregateId(), value);
            }
            int conversations = 3 * CONVERSATIONS_PER_ROUND;
            await().atMost(Duration.ofSeconds(90))
                    .untilAsserted(() -> assertEquals(
                            conversations,
                            metrics.count("select count(*) from reporting_event where name = 'message_incoming'")));
            assertEquals(conversations, opened());
            assertEquals(
                    0,
                    metrics.count("select count(*) from (select conversation_id from reporting_event"
                            + " where name in ('message_incoming', 'conversation_opened')"
                            + " group by conversation_id, name having count(*) > 1) twice"));
            again.stop();
            second.stop();
        }
    }

    /** A round of conversations, each opened by its first customer message; the values sent, in order. */
    private static List<String> round(TopicWriter writer) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < CONVERSATIONS_PER_ROUND; i++) {
            UUID conversation = UUID.randomUUID();
            Instant at = Instant.now();
            String created = EventCodec.encode(
                    UUID.randomUUID(),
                    EventTypes.CONVERSATION_CREATED,
                    EventTypes.AGGREGATE_CONVERSATION,
                    conversation.toString(),
                    at,
                    new ConversationEvents.Created(
                            conversation, "inbox-race", "api", "support", UUID.randomUUID(), at, "normal"));
            String message = EventCodec.encode(
                    UUID.randomUUID(),
                    EventTypes.CONVERSATION_MESSAGE_CREATED,
                    EventTypes.AGGREGATE_CONVERSATION,
                    conversation.toString(),
                    at,
                    new ConversationEvents.MessageCreated(
                            conversation,
                            UUID.randomUUID(),
                            "inbox-race",
                            "api",
                            "incoming",
                            "hello",
                            at,
                            null,
                            "support",
                            null));
            writer.send(Topics.CONVERSATION_EVENTS, conversation.toString(), created);
            writer.send(Topics.CONVERSATION_EVENTS, conversation.toString(), message);
            values.add(created);
            values.add(message);
        }
        return values;
    }

    private static long opened() throws Exception {
        return metrics.count("select count(*) from reporting_event where name = 'conversation_opened'");
    }

    private static Map<String, String> clientId(String id) {
        return Map.of("mp.messaging.incoming.conversation-events.client.id", id);
    }

    private static void awaitConsuming(String... instances) {
        servers.awaitConsuming("metrics-service", instances);
    }
}
