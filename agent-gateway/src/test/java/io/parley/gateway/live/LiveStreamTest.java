package io.parley.gateway.live;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contracts.ConversationEvents;
import io.parley.contracts.EventCodec;
import io.parley.contracts.EventTypes;
import io.parley.contracts.Topics;
import io.parley.stack.testing.SseStream;
import io.parley.stack.testing.Tokens;
import io.parley.stack.testing.TopicWriter;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Live updates over real SSE connections with real tokens, fed by events written to the real conversation events
 * topic as routing-service writes them: each agent gets only what they may see, and a reconnect with Last-Event-ID
 * resumes without losing events, from memory or (further behind than the test profile's replay capacity of 4) from
 * Kafka.
 */
@QuarkusTest
class LiveStreamTest {
    // One key for every record: one partition, so the order written is the order every stream gets.
    static final String KEY = UUID.randomUUID().toString();

    @TestHTTPResource("/api/live")
    URI live;

    static TopicWriter writer;

    @BeforeAll
    static void connect() {
        writer = new TopicWriter(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    @AfterAll
    static void disconnect() {
        writer.close();
    }

    @Test
    void eachAgentSeesOnlyTheConversationsTheyMaySee() {
        try (SseStream alice = open("alice", null);
                SseStream sam = open("sam", null);
                SseStream carol = open("carol", null)) {
            UUID support = UUID.randomUUID();
            UUID sales = UUID.randomUUID();
            UUID salesForAlice = UUID.randomUUID();
            UUID last = UUID.randomUUID();
            publish(
                    created(support, "support"),
                    created(sales, "sales"),
                    message(sales, "sales", null, "My card is 4111 1111 1111 1111"),
                    assigned(salesForAlice, "sales", "alice"),
                    created(last, "support"));

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> conversations(alice).contains(last));
            assertEquals(List.of(support, salesForAlice, last), conversations(alice));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> conversations(carol).contains(last));
            assertEquals(List.of(support, sales, sales, salesForAlice, last), conversations(carol));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> conversations(sam).contains(salesForAlice));
            assertEquals(List.of(sales, sales, salesForAlice), conversations(sam));
            // The whole number: "4111" alone turns up in a random UUID or a timestamp now and then.
            assertTrue(alice.events().stream().noneMatch(event -> event.data().contains("4111 1111 1111 1111")));
            assertEquals("text/event-stream", alice.contentType());
        }
    }

    @Test
    void reconnectingWithLastEventIdResumesFromMemory() {
        resumesAfter(2);
    }

    @Test
    void reconnectingFurtherBehindThanMemoryResumesFromKafka() {
        resumesAfter(9);
    }

    private void resumesAfter(int missed) {
        UUID seen = UUID.randomUUID();
        String lastEventId;
        try (SseStream alice = open("alice", null)) {
            publish(created(seen, "support"));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> conversations(alice).contains(seen));
            lastEventId = alice.lastEventId();
        }
        List<UUID> whileAway = new ArrayList<>();
        List<String> records = new ArrayList<>();
        for (int i = 0; i < missed; i++) {
            UUID id = UUID.randomUUID();
            records.add(created(id, i % 2 == 0 ? "support" : "sales"));
            if (i % 2 == 0) {
                whileAway.add(id);
            }
        }
        publish(records.toArray(String[]::new));
        // Another stream that was open all along shows when the feed has read them.
        try (SseStream carol = open("carol", lastEventId)) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> conversations(carol).size() == missed);
        }
        try (SseStream alice = open("alice", lastEventId)) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> conversations(alice).size() >= whileAway.size());
            assertEquals(whileAway, conversations(alice));
            assertFalse(conversations(alice).contains(seen));
            UUID after = UUID.randomUUID();
            publish(created(after, "support"));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> conversations(alice).contains(after));
        }
    }

    @Test
    void aLastEventIdThatIsNoPositionIsRefused() {
        try (SseStream alice = open("alice", "yesterday")) {
            assertEquals(400, alice.status());
            assertTrue(alice.contentType().startsWith("application/problem+json"));
        }
    }

    @Test
    void theStreamNeedsAnAgentsToken() {
        given().accept("text/event-stream").when().get("/api/live").then().statusCode(401);
        given().auth()
                .oauth2(Tokens.of("guest"))
                .accept("text/event-stream")
                .when()
                .get("/api/live")
                .then()
                .statusCode(403)
                .contentType(equalTo("application/problem+json"));
    }

    private SseStream open(String user, String lastEventId) {
        SseStream stream = SseStream.open(live, Tokens.of(user), lastEventId);
        if (stream.status() == 200 && lastEventId == null) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !stream.named("ready").isEmpty());
        }
        return stream;
    }

    /** The conversations of the conversation events a stream got, in order. */
    private static List<UUID> conversations(SseStream stream) {
        return stream.events().stream()
                .filter(event -> event.name().startsWith("conversation."))
                .map(event -> EventCodec.decode(event.data()).aggregateId())
                .map(UUID::fromString)
                .toList();
    }

    private static void publish(String... values) {
        List<Map.Entry<String, String>> records = new ArrayList<>();
        for (String value : values) {
            records.add(Map.entry(KEY, value));
        }
        writer.sendTogether(Topics.CONVERSATION_EVENTS, records);
    }

    private static String created(UUID id, String team) {
        return event(
                EventTypes.CONVERSATION_CREATED,
                id,
                new ConversationEvents.Created(
                        id, "inbox", "telegram", team, UUID.randomUUID(), Instant.now(), "medium"));
    }

    private static String message(UUID id, String team, String assignee, String text) {
        return event(
                EventTypes.CONVERSATION_MESSAGE_CREATED,
                id,
                new ConversationEvents.MessageCreated(
                        id,
                        UUID.randomUUID(),
                        "inbox",
                        "telegram",
                        "incoming",
                        text,
                        Instant.now(),
                        null,
                        team,
                        assignee));
    }

    private static String assigned(UUID id, String team, String assignee) {
        return event(
                EventTypes.CONVERSATION_ASSIGNED,
                id,
                new ConversationEvents.Assigned(id, "inbox", team, assignee, "policy", Instant.now()));
    }

    private static String event(String type, UUID id, Object payload) {
        return EventCodec.encode(
                UUID.randomUUID(), type, EventTypes.AGGREGATE_CONVERSATION, id.toString(), Instant.now(), payload);
    }
}
