package io.parley.routing.conversation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.parley.contracts.EventCodec;
import io.parley.contracts.EventTypes;
import io.parley.contracts.Topics;
import io.parley.routing.support.MutableClock;
import io.parley.routing.support.RoutingClient;
import io.parley.stack.testing.Tokens;
import io.parley.stack.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reopen inside the window, a new conversation after it; customers wake pending conversations, time wakes snoozed. */
@QuarkusTest
class ThreadingTest {
    @Inject
    MutableClock clock;

    RoutingClient routing;

    @BeforeEach
    void setUp() {
        routing = new RoutingClient();
        routing.member(routing.team, "a-" + routing.team, null);
        given().auth()
                .oauth2(Tokens.of("dave"))
                .contentType(ContentType.JSON)
                .body(Map.of("survey", "none", "reopenWindowMinutes", 60))
                .put("/inboxes/" + routing.inbox + "/settings")
                .then()
                .statusCode(200);
    }

    @AfterEach
    void tearDown() {
        routing.close();
        clock.reset();
    }

    @Test
    void writingAgainWithinTheWindowReopensAndAfterItStartsANewConversation() {
        try (TopicProbe events = new TopicProbe(RoutingClient.bootstrap(), Topics.CONVERSATION_EVENTS)) {
            routing.customer("m1", "cust-1", "My parcel is late");
            String first = (String) routing.awaitConversationOf("cust-1", c -> c.get("assignee") != null)
                    .get("id");
            routing.status(first, "resolved");

            clock.advance(Duration.ofMinutes(59));
            routing.customer("m2", "cust-1", "It still has not come");
            Map<String, Object> reopened = routing.awaitConversationOf("cust-1", c -> "open".equals(c.get("status")));
            assertEquals(first, reopened.get("id"));
            assertEquals("a-" + routing.team, reopened.get("assignee"));
            await().atMost(RoutingClient.WAIT)
                    .until(() -> events.records().stream()
                            .filter(r -> first.equals(r.key()))
                            .anyMatch(r -> EventTypes.CONVERSATION_REOPENED.equals(
                                    EventCodec.decode(r.value()).type())));

            routing.status(first, "resolved");
            clock.advance(Duration.ofMinutes(61));
            routing.customer("m3", "cust-1", "New question: do you sell gift cards?");
            List<Map<String, Object>> both = routing.awaitConversations(list -> list.size() == 2);
            Map<String, Object> fresh = both.stream()
                    .filter(c -> !first.equals(c.get("id")))
                    .findFirst()
                    .orElseThrow();
            assertEquals("open", fresh.get("status"));
            assertEquals("resolved", routing.detail(first).get("status"));
            assertEquals(1, ((List<?>) routing.detail((String) fresh.get("id")).get("messages")).size());
        }
    }

    @Test
    void aCustomerMessageWakesAPendingConversation() {
        routing.customer("m1", "cust-1", "Question");
        String id = (String) routing.awaitConversationOf("cust-1", c -> c.get("assignee") != null)
                .get("id");
        routing.status(id, "pending");
        routing.customer("m2", "cust-1", "Here is the information you asked for");
        routing.awaitConversationOf("cust-1", c -> "open".equals(c.get("status")));
        assertEquals(2, ((List<?>) routing.detail(id).get("messages")).size());
    }

    @Test
    void aSnoozedConversationWakesWhenItsTimeComes() {
        routing.customer("m1", "cust-1", "Call me back next week");
        String id = (String) routing.awaitConversationOf("cust-1", c -> c.get("assignee") != null)
                .get("id");
        given().auth()
                .oauth2(Tokens.of("alice"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "status",
                        "snoozed",
                        "snoozedUntil",
                        clock.instant().plus(Duration.ofDays(7)).toString()))
                .put("/conversations/" + id + "/status")
                .then()
                .statusCode(204);
        assertEquals("snoozed", routing.detail(id).get("status"));

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        routing.awaitConversationOf("cust-1", c -> "open".equals(c.get("status")));
    }

    @Test
    void snoozingWithoutATimeAndUnknownStatusesAreRefused() {
        routing.customer("m1", "cust-1", "Hi");
        String id = (String) routing.awaitConversationOf("cust-1", c -> c.get("assignee") != null)
                .get("id");
        given().auth()
                .oauth2(Tokens.of("alice"))
                .contentType(ContentType.JSON)
                .body(Map.of("status", "snoozed"))
                .put("/conversations/" + id + "/status")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.of("alice"))
                .contentType(ContentType.JSON)
                .body(Map.of("status", "sleeping"))
                .put("/conversations/" + id + "/status")
                .then()
                .statusCode(422);
        assertNotEquals("snoozed", routing.detail(id).get("status"));
    }
}
