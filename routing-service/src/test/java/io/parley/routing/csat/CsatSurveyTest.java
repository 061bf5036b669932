package io.parley.routing.csat;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.contracts.EventCodec;
import io.parley.contracts.EventEnvelope;
import io.parley.contracts.EventTypes;
import io.parley.contracts.Topics;
import io.parley.routing.support.RoutingClient;
import io.parley.stack.testing.Tokens;
import io.parley.stack.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The survey goes out once on resolve through the outbound topic; the customer's answer is read and published. */
@QuarkusTest
class CsatSurveyTest {
    RoutingClient routing;

    @BeforeEach
    void setUp() {
        routing = new RoutingClient();
        routing.member(routing.team, "a-" + routing.team, null);
    }

    @AfterEach
    void tearDown() {
        routing.close();
    }

    @Test
    void resolvingAsksOnceAndTheAnswerIsRecordedWithoutReopening() {
        settings("csat");
        try (TopicProbe outbound = new TopicProbe(RoutingClient.bootstrap(), Topics.OUTBOUND_MESSAGES);
                TopicProbe events = new TopicProbe(RoutingClient.bootstrap(), Topics.CONVERSATION_EVENTS)) {
            routing.customer("m1", "cust-1", "My voucher code does nothing");
            String id = (String) routing.awaitConversationOf("cust-1", c -> c.get("assignee") != null)
                    .get("id");

            routing.status(id, "resolved");
            routing.status(id, "open");
            routing.status(id, "resolved");

            EventEnvelope question = await().atMost(RoutingClient.WAIT)
                    .until(() -> first(outbound, id, EventTypes.MESSAGE_OUTBOUND), Objects::nonNull);
            assertEquals("cust-1", question.payload().get("recipientId").asText());
            assertEquals(
                    CsatService.CSAT_QUESTION, question.payload().get("text").asText());
            await().atMost(RoutingClient.WAIT).until(() -> first(events, id, EventTypes.CSAT_REQUESTED) != null);

            routing.customer("m2", "cust-1", "4 - quick, but I had to ask twice");

            EventEnvelope answer = await().atMost(RoutingClient.WAIT)
                    .until(() -> first(events, id, EventTypes.CSAT_RESPONDED), Objects::nonNull);
            assertEquals(4, answer.payload().get("rating").asInt());
            assertEquals(
                    "quick, but I had to ask twice",
                    answer.payload().get("comment").asText());
            assertEquals("a-" + routing.team, answer.payload().get("assignee").asText());
            Map<String, Object> conversation = routing.detail(id);
            assertEquals("resolved", conversation.get("status"));
            assertEquals(2, ((List<?>) conversation.get("messages")).size());
            // Resolved twice, asked once.
            assertEquals(
                    1,
                    outbound.records().stream().filter(r -> id.equals(r.key())).count());
        }
    }

    @Test
    void anNpsInboxAsksForZeroToTenAndSomethingElseReopens() {
        settings("nps");
        try (TopicProbe events = new TopicProbe(RoutingClient.bootstrap(), Topics.CONVERSATION_EVENTS)) {
            routing.customer("m1", "cust-1", "Hi, how do I export my data?");
            String id = (String) routing.awaitConversationOf("cust-1", c -> c.get("assignee") != null)
                    .get("id");
            routing.status(id, "resolved");
            await().atMost(RoutingClient.WAIT).until(() -> first(events, id, EventTypes.CSAT_REQUESTED) != null);
            assertEquals(
                    "nps",
                    first(events, id, EventTypes.CSAT_REQUESTED)
                            .payload()
                            .get("kind")
                            .asText());

            routing.customer("m2", "cust-1", "Actually the export is empty");
            routing.awaitConversationOf("cust-1", c -> "open".equals(c.get("status")));
            await().during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> first(events, id, EventTypes.CSAT_RESPONDED) == null);
        }
    }

    @Test
    void unknownSurveyKindsAreRefused() {
        given().auth()
                .oauth2(Tokens.of("dave"))
                .contentType(ContentType.JSON)
                .body(Map.of("survey", "stars"))
                .put("/inboxes/" + routing.inbox + "/settings")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
    }

    private void settings(String survey) {
        given().auth()
                .oauth2(Tokens.of("dave"))
                .contentType(ContentType.JSON)
                .body(Map.of("survey", survey, "reopenWindowMinutes", 60))
                .put("/inboxes/" + routing.inbox + "/settings")
                .then()
                .statusCode(200);
    }

    static EventEnvelope first(TopicProbe probe, String key, String type) {
        return probe.records().stream()
                .filter(r -> key.equals(r.key()))
                .map(r -> EventCodec.decode(r.value()))
                .filter(e -> type.equals(e.type()))
                .findFirst()
                .orElse(null);
    }
}
