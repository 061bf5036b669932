package io.parley.routing.audit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.parley.contracts.EventTypes;
import io.parley.contracts.OutboundResult;
import io.parley.routing.support.RoutingClient;
import io.parley.stack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every change through the API leaves who did it in routing's audit log, which only admins read. */
@QuarkusTest
class AuditLogTest {
    RoutingClient routing;

    @BeforeEach
    void setUp() {
        routing = new RoutingClient();
    }

    @AfterEach
    void tearDown() {
        routing.close();
    }

    @Test
    void conversationActionsAreRecordedWithTheActorFromTheToken() {
        routing.member(routing.team, "a-" + routing.team, null);
        routing.customer("m1", "cust-1", "Hello");
        String id = (String) routing.awaitConversationOf("cust-1", c -> c.get("assignee") != null)
                .get("id");

        given().auth()
                .oauth2(Tokens.of("carol"))
                .header("X-Parley-Actor", "mallory")
                .contentType(ContentType.JSON)
                .body(Map.of("priority", "high"))
                .put("/conversations/" + id + "/priority")
                .then()
                .statusCode(204);

        given().auth()
                .oauth2(Tokens.of("dave"))
                .queryParam("objectType", "conversation")
                .queryParam("objectId", id)
                .get("/audit")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].actor", equalTo("carol"))
                .body("[0].action", equalTo("conversation.priority_changed"))
                .body("[0].detail", equalTo("priority=high"));
    }

    /** Replies reach the channel without routing (gateway → ingest); their delivery result names the agent. */
    @Test
    void anAgentsReplyIsRecordedWhenItsDeliveryResultArrives() {
        routing.member(routing.team, "a-" + routing.team, null);
        routing.customer("m1", "cust-2", "Hello");
        Map<String, Object> conversation = routing.awaitConversationOf("cust-2", c -> c.get("assignee") != null);
        String id = (String) conversation.get("id");
        OutboundResult result = new OutboundResult(
                UUID.randomUUID(),
                UUID.fromString(id),
                routing.inbox,
                "api",
                "cust-2",
                OutboundResult.DELIVERED,
                "out-1",
                "On its way",
                "bob",
                null,
                1,
                Instant.now());
        routing.event(EventTypes.MESSAGE_OUTBOUND_RESULT, result.conversationKey(), result);

        await().atMost(RoutingClient.WAIT)
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.of("dave"))
                        .queryParam("objectId", id)
                        .queryParam("actor", "bob")
                        .get("/audit")
                        .then()
                        .statusCode(200)
                        .body("action", hasItem("conversation.reply_delivered")));
    }

    @Test
    void configurationChangesAreRecordedAndFilteredByActorAndTime() {
        String policy = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(Tokens.of("dave"))
                .contentType(ContentType.JSON)
                .body(Map.of("firstResponseMinutes", 15))
                .put("/sla-policies/" + policy)
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(Tokens.of("dave"))
                .queryParam("actor", "dave")
                .queryParam("objectType", "sla-policy")
                .queryParam("objectId", policy)
                .queryParam("from", "2000-01-01T00:00:00Z")
                .get("/audit")
                .then()
                .statusCode(200)
                .body("action", everyItem(equalTo("sla-policy.put")))
                .body("", hasSize(1));
        given().auth()
                .oauth2(Tokens.of("dave"))
                .queryParam("objectId", policy)
                .queryParam("to", "2000-01-01T00:00:00Z")
                .get("/audit")
                .then()
                .statusCode(200)
                .body("", hasSize(0));
        given().auth()
                .oauth2(Tokens.of("dave"))
                .queryParam("from", "yesterday")
                .get("/audit")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("carol")).get("/audit").then().statusCode(403);
    }
}
