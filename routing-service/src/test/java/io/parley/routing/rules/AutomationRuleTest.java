package io.parley.routing.rules;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contracts.EventCodec;
import io.parley.contracts.Topics;
import io.parley.routing.support.RoutingClient;
import io.parley.stack.testing.Tokens;
import io.parley.stack.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.common.mapper.TypeRef;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seeded and API-made rules acting on real messages; changes apply without a restart and are audited. */
@QuarkusTest
class AutomationRuleTest {
    RoutingClient routing;
    List<String> created = new ArrayList<>();

    @BeforeEach
    void setUp() {
        routing = new RoutingClient();
        routing.member(routing.team, "a-" + routing.team, null);
    }

    @AfterEach
    void tearDown() {
        created.forEach(id -> given().auth().oauth2(Tokens.of("dave")).delete("/rules/" + id));
        routing.close();
    }

    @Test
    void seededRulesTagTechnicalIssuesAndRouteThemToSupport() {
        routing.member("support", "sup-agent", null);
        routing.customer("m1", "cust-1", "The app shows an error when I pay");
        Map<String, Object> conversation = routing.awaitConversationOf("cust-1", c -> c.get("assignee") != null);
        assertEquals(List.of("technical-issue"), conversation.get("tags"));
        assertEquals("support", conversation.get("team"));
        assertEquals("sup-agent", conversation.get("assignee"));
    }

    @Test
    void negativeFeedbackAndPublicPostsAreNeverLeftAtNormalPriority() {
        routing.customer("m1", "cust-1", "Worst service ever, I am very disappointed.");
        routing.customer("m2", "cust-2", "Nice to see your new shop opening", b -> b.publicPost(true));
        routing.customer("m3", "cust-3", "What time do you open on Saturday?");
        Map<String, Object> negative = routing.awaitConversationOf("cust-1", c -> c.get("assignee") != null);
        assertEquals("negative", negative.get("sentiment"));
        assertEquals("high", negative.get("priority"));
        assertEquals(
                "high",
                routing.awaitConversationOf("cust-2", c -> c.get("assignee") != null)
                        .get("priority"));
        assertEquals(
                "medium",
                routing.awaitConversationOf("cust-3", c -> c.get("assignee") != null)
                        .get("priority"));
    }

    @Test
    void aRuleMadeThroughTheApiActsOnTheNextMessageAndItsChangesToo() {
        Map<String, Object> rule = Map.of(
                "name", "VIP customers",
                "position", 5,
                "triggers", List.of("message_created"),
                "conditions",
                        Map.of(
                                "all",
                                List.of(
                                        Map.of("field", "inbox", "op", "equals", "value", routing.inbox),
                                        Map.of("field", "text", "op", "matches", "value", "\\bvip\\b"))),
                "actions",
                        List.of(
                                Map.of("type", "set_priority", "value", "urgent"),
                                Map.of("type", "add_tag", "value", "ugc"),
                                Map.of("type", "auto_reply", "value", "Thanks, a senior agent is on it.")));
        String id = given().auth()
                .oauth2(Tokens.of("dave"))
                .contentType(ContentType.JSON)
                .body(rule)
                .post("/rules")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        created.add(id);

        try (TopicProbe outbound = new TopicProbe(RoutingClient.bootstrap(), Topics.OUTBOUND_MESSAGES)) {
            routing.customer("m1", "cust-1", "I am a VIP, help");
            Map<String, Object> first = routing.awaitConversationOf("cust-1", c -> c.get("assignee") != null);
            assertEquals("urgent", first.get("priority"));
            assertEquals(List.of("ugc"), first.get("tags"));
            String conversationId = (String) first.get("id");
            await().atMost(RoutingClient.WAIT)
                    .until(() -> outbound.records().stream()
                            .filter(r -> conversationId.equals(r.key()))
                            .map(r -> EventCodec.decode(r.value())
                                    .payload()
                                    .get("text")
                                    .asText())
                            .anyMatch("Thanks, a senior agent is on it."::equals));
        }

        Map<String, Object> changed = new java.util.HashMap<>(rule);
        changed.put("actions", List.of(Map.of("type", "set_priority", "value", "low")));
        // Supervisors read rules; only admins change them.
        given().auth()
                .oauth2(Tokens.of("carol"))
                .contentType(ContentType.JSON)
                .body(changed)
                .put("/rules/" + id)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.of("dave"))
                .contentType(ContentType.JSON)
                .body(changed)
                .put("/rules/" + id)
                .then()
                .statusCode(200);

        routing.customer("m2", "cust-2", "another vip here");
        Map<String, Object> second = routing.awaitConversationOf("cust-2", c -> c.get("assignee") != null);
        assertEquals("low", second.get("priority"));
        assertEquals(List.of(), second.get("tags"));

        List<Map<String, Object>> audit = given().auth()
                .oauth2(Tokens.of("dave"))
                .queryParam("rule", id)
                .get("/rules/audit")
                .then()
                .statusCode(200)
                .extract()
                .as(new TypeRef<>() {});
        assertEquals(
                List.of("updated", "created"),
                audit.stream().map(a -> a.get("change")).toList());
        assertEquals(
                List.of("dave", "dave"), audit.stream().map(a -> a.get("actor")).toList());
        assertTrue(audit.get(0).get("before").toString().contains("urgent"));
        assertTrue(audit.get(0).get("after").toString().contains("low"));
    }

    @Test
    void aTagAddedByAnAgentRoutesTheConversation() {
        routing.member("sales", "sales-agent", null);
        routing.customer("m1", "cust-1", "Hello there");
        String id = (String) routing.awaitConversationOf("cust-1", c -> c.get("assignee") != null)
                .get("id");

        given().auth()
                .oauth2(Tokens.of("bob"))
                .contentType(ContentType.JSON)
                .body(Map.of("tag", "sales-lead"))
                .post("/conversations/" + id + "/tags")
                .then()
                .statusCode(204);

        Map<String, Object> moved = routing.awaitConversationOf("cust-1", c -> "sales".equals(c.get("team")));
        assertEquals("sales-agent", moved.get("assignee"));
        given().auth()
                .oauth2(Tokens.of("dave"))
                .queryParam("tag", "sales-lead")
                .queryParam("inbox", routing.inbox)
                .get("/conversations")
                .then()
                .body("id", org.hamcrest.Matchers.contains(id));
    }

    @Test
    void spamIsClosedAndTagged() {
        routing.customer("m1", "cust-1", "Crypto giveaway!!! click here to win");
        Map<String, Object> spam = routing.awaitConversationOf("cust-1", c -> "resolved".equals(c.get("status")));
        assertEquals(List.of("spam"), spam.get("tags"));
    }

    @Test
    void brokenRulesAreRefusedWithProblemDetails() {
        Map<String, Object> badRegex = Map.of(
                "name", "broken",
                "triggers", List.of("message_created"),
                "conditions", Map.of("field", "text", "op", "matches", "value", "(unclosed"),
                "actions", List.of(Map.of("type", "resolve")));
        given().auth()
                .oauth2(Tokens.of("dave"))
                .contentType(ContentType.JSON)
                .body(badRegex)
                .post("/rules")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("regular expression"));
        given().auth()
                .oauth2(Tokens.of("dave"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "x",
                        "triggers",
                        List.of("on_full_moon"),
                        "actions",
                        List.of(Map.of("type", "resolve"))))
                .post("/rules")
                .then()
                .statusCode(422);
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "x",
                        "triggers",
                        List.of("message_created"),
                        "actions",
                        List.of(Map.of("type", "resolve"))))
                .post("/rules")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.of("dave"))
                .get("/rules/not-a-rule")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
