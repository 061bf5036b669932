package io.parley.metrics.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.parley.contracts.ConversationEvents;
import io.parley.contracts.EventCodec;
import io.parley.contracts.EventEnvelope;
import io.parley.contracts.EventTypes;
import io.parley.contracts.Topics;
import io.parley.stack.testing.Tokens;
import io.parley.stack.testing.TopicWriter;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Conversation events go through the real broker; the summary is read back from PostgreSQL through the API. */
@QuarkusTest
class ConversationCountingTest {
    TopicWriter writer;
    String inbox;

    @BeforeEach
    void setUp() {
        writer = new TopicWriter(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        inbox = "inbox-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void tearDown() {
        writer.close();
    }

    @Test
    void countsCreatedConversationsPerInboxAndChannelOnce() {
        EventEnvelope first = created(inbox, "api");
        long before = totalConversations();

        send(first);
        send(first); // redelivered
        send(created(inbox, "api"));
        send(created(inbox + "-wa", "whatsapp"));
        send(messageCreated(inbox)); // not a new conversation

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.of("carol"))
                        .get("/reports/summary")
                        .then()
                        .statusCode(200)
                        .body("conversations", equalTo((int) before + 3))
                        .body("byInbox.find { it.inboxId == '" + inbox + "' }.conversations", equalTo(2))
                        .body("byInbox.find { it.inboxId == '" + inbox + "-wa' }.channel", equalTo("whatsapp")));
    }

    @Test
    void unknownPathIsProblemJson() {
        given().auth()
                .oauth2(Tokens.of("carol"))
                .get("/reports/nope")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private long totalConversations() {
        return given().auth()
                .oauth2(Tokens.of("carol"))
                .get("/reports/summary")
                .then()
                .statusCode(200)
                .extract()
                .<Integer>path("conversations");
    }

    private static EventEnvelope created(String inbox, String channel) {
        UUID conversation = UUID.randomUUID();
        return event(
                EventTypes.CONVERSATION_CREATED,
                conversation,
                new ConversationEvents.Created(
                        conversation, inbox, channel, "support", UUID.randomUUID(), Instant.now()));
    }

    private static EventEnvelope messageCreated(String inbox) {
        UUID conversation = UUID.randomUUID();
        return event(
                EventTypes.CONVERSATION_MESSAGE_CREATED,
                conversation,
                new ConversationEvents.MessageCreated(
                        conversation, UUID.randomUUID(), inbox, "api", "incoming", "hi", Instant.now()));
    }

    private static EventEnvelope event(String type, UUID conversation, Object payload) {
        return EventCodec.envelope(
                UUID.randomUUID(),
                type,
                EventTypes.AGGREGATE_CONVERSATION,
                conversation.toString(),
                Instant.now(),
                payload);
    }

    private void send(EventEnvelope envelope) {
        writer.send(Topics.CONVERSATION_EVENTS, envelope.aggregateId(), EventCodec.encode(envelope));
    }
}
