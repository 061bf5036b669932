package io.parley.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contracts.EventCodec;
import io.parley.contracts.InboundMessage;
import io.parley.contracts.Topics;
import io.parley.stack.ServiceNode;
import io.parley.stack.testing.TopicWriter;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two routing-service processes in one consumer group, on one database, assigning to agents who work in two teams at
 * once: no conversation is ever assigned twice and no agent is ever over capacity, while messages arrive on every
 * partition and agents resolve conversations through both instances at the same time.
 */
class TwoRoutingInstancesTest {
    static final int AGENTS = 4;
    static final int CAPACITY = 3;
    static final int PER_TEAM = 24;
    static final int PARTITIONS = 6;

    static RoutingServers servers;
    static RoutingDatabase database;
    static ServiceNode first;
    static ServiceNode second;

    @BeforeAll
    static void start() throws Exception {
        servers = RoutingServers.start("race");
        database = servers.database();
        // Six partitions for two instances of three consumers each: every consumer of both instances gets work.
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.INBOUND_MESSAGES, PARTITIONS, (short) 1)))
                    .all()
                    .get();
        }
        first = servers.routing(routingConfig("routing-a"));
        second = servers.routing(routingConfig("routing-b"));
    }

    @AfterAll
    static void stop() {
        if (servers != null) servers.close();
    }

    @Test
    void noConversationIsAssignedTwiceAndNoAgentExceedsCapacity() throws Exception {
        List<String> teams = List.of("race-a", "race-b");
        String admin = servers.token("dave");
        String supervisor = servers.token("carol");
        for (int i = 0; i < teams.size(); i++) {
            String api = i == 0 ? first.url() : second.url();
            for (int a = 1; a <= AGENTS; a++) {
                given().auth()
                        .oauth2(admin)
                        .put(api + "/teams/" + teams.get(i) + "/members/racer-" + a)
                        .then()
                        .statusCode(204);
            }
            given().auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body(Map.of("strategy", "least_loaded", "capacity", CAPACITY))
                    .put(api + "/teams/" + teams.get(i) + "/policy")
                    .then()
                    .statusCode(200);
        }
        awaitBothInstancesConsume();

        try (TopicWriter writer = new TopicWriter(servers.bootstrapServers())) {
            for (int n = 0; n < PER_TEAM; n++) {
                for (String team : teams) {
                    send(writer, team, "customer-" + n);
                }
            }
        }

        int full = AGENTS * CAPACITY;
        await().atMost(Duration.ofSeconds(60))
                .until(() -> database.count("select count(*) from conversation") == 2L * PER_TEAM
                        && database.count("select count(*) from conversation where assignee is not null") >= full);
        assertInvariants();
        assertEquals(full, database.count("select count(*) from conversation where assignee is not null"));

        // Agents resolve through both instances at once; the queue refills their places, never beyond them.
        List<String> toResolve =
                database.column("select id from conversation where assignee is not null order by id limit 8");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < toResolve.size(); i++) {
                String api = i % 2 == 0 ? first.url() : second.url();
                String id = toResolve.get(i);
                calls.add(pool.submit(() -> given().auth()
                        .oauth2(supervisor)
                        .contentType(ContentType.JSON)
                        .body(Map.of("status", "resolved"))
                        .put(api + "/conversations/" + id + "/status")
                        .statusCode()));
            }
            for (Future<Integer> call : calls) {
                assertEquals(204, call.get());
            }
        } finally {
            pool.shutdown();
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> database.count(
                                "select count(*) from conversation where assignee is not null and status = 'OPEN'")
                        >= full);
        assertInvariants();
        assertEquals(
                full,
                database.count("select count(*) from conversation where assignee is not null and status = 'OPEN'"));
        assertEquals(full + toResolve.size(), database.count("select count(*) from assignment"));
    }

    private static void assertInvariants() throws SQLException {
        assertEquals(
                0,
                database.count("select count(*) from (select conversation_id from assignment group by conversation_id"
                        + " having count(*) > 1) twice"),
                "a conversation was assigned twice");
        Map<String, Long> load = new HashMap<>();
        try (Connection db = database.connect();
                ResultSet rows = db.createStatement()
                        .executeQuery("select assignee, count(*) from conversation where status in ('OPEN', 'PENDING')"
                                + " and assignee is not null group by assignee")) {
            while (rows.next()) {
                load.put(rows.getString(1), rows.getLong(2));
            }
        }
        assertEquals(AGENTS, load.size(), "every agent works: " + load);
        load.forEach((agent, open) -> assertTrue(open <= CAPACITY, agent + " holds " + open + " > " + CAPACITY));
    }

    private static Map<String, String> routingConfig(String clientId) {
        return Map.of(
                "parley.queue.sweep-interval", "2s", "mp.messaging.incoming.inbound-messages.client.id", clientId);
    }

    /** Both processes hold partitions of the inbound topic, so both route at the same time. */
    private static void awaitBothInstancesConsume() {
        servers.awaitConsuming("routing-service", "routing-a", "routing-b");
    }

    private static void send(TopicWriter writer, String team, String customer) {
        Instant now = Instant.now();
        InboundMessage message = InboundMessage.builder()
                .inbox("inbox-" + team, "api", team)
                .providerMessageId(UUID.randomUUID().toString())
                .threadKey(customer)
                .contact(customer, customer)
                .text("Hello from " + customer)
                .sentAt(now)
                .receivedAt(now)
                .build();
        writer.send(Topics.INBOUND_MESSAGES, message.conversationKey(), EventCodec.encode(EventCodec.inbound(message)));
    }
}
