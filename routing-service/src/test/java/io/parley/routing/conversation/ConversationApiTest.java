package io.parley.routing.conversation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.contracts.EventCodec;
import io.parley.contracts.Topics;
import io.parley.routing.support.RoutingClient;
import io.parley.stack.testing.Tokens;
import io.parley.stack.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API agent-gateway uses: filters and search, and the actions an agent takes. */
@QuarkusTest
class ConversationApiTest {
    RoutingClient routing;
    String agent;

    @BeforeEach
    void setUp() {
        routing = new RoutingClient();
        agent = "a-" + routing.team;
        routing.member(routing.team, agent, null);
    }

    @AfterEach
    void tearDown() {
        routing.close();
    }

    @Test
    void filtersBySearchPriorityAssigneeAndChannel() {
        routing.customer("m1", "cust-1", "Where is parcel 4711?");
        routing.customer("m2", "cust-2", "Do you have gift cards?");
        String parcel = (String) routing.awaitConversationOf("cust-1", c -> c.get("assignee") != null)
                .get("id");
        routing.awaitConversationOf("cust-2", c -> c.get("assignee") != null);

        given().auth()
                .oauth2(Tokens.of("dave"))
                .queryParam("inbox", routing.inbox)
                .queryParam("q", "PARCEL 47")
                .get("/conversations")
                .then()
                .statusCode(200)
                .body("id", contains(parcel));
        given().auth()
                .oauth2(Tokens.of("dave"))
                .queryParam("inbox", routing.inbox)
                .queryParam("q", "100%")
                .get("/conversations")
                .then()
                .statusCode(200)
                .body("id", empty());
        given().auth()
                .oauth2(Tokens.of("dave"))
                .queryParam("inbox", routing.inbox)
                .queryParam("assignee", agent)
                .queryParam("channel", "api")
                .get("/conversations")
                .then()
                .statusCode(200)
                .body("size()", equalTo(2));
        given().auth()
                .oauth2(Tokens.of("dave"))
                .queryParam("inbox", routing.inbox)
                .queryParam("assignee", "none")
                .get("/conversations")
                .then()
                .statusCode(200)
                .body("id", empty());
        given().auth()
                .oauth2(Tokens.of("dave"))
                .queryParam("inbox", routing.inbox)
                .queryParam("priority", "urgent")
                .get("/conversations")
                .then()
                .statusCode(200)
                .body("id", empty());
        given().auth()
                .oauth2(Tokens.of("dave"))
                .queryParam("priority", "sky-high")
                .get("/conversations")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    /** Pages follow each other by cursor, newest first, each conversation once; counts need no page. */
    @Test
    void pagesOfConversationsFollowTheirCursors() {
        for (int i = 1; i <= 5; i++) {
            routing.customer("p" + i, "page-" + i, "Question " + i);
        }
        for (int i = 1; i <= 5; i++) {
            routing.awaitConversationOf("page-" + i, c -> c.get("assignee") != null);
        }
        String dave = Tokens.of("dave");
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        List<Integer> sizes = new java.util.ArrayList<>();
        do {
            var page = given().auth()
                    .oauth2(dave)
                    .queryParam("inbox", routing.inbox)
                    .queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/conversations")
                    .then()
                    .statusCode(200)
                    .extract();
            List<String> ids = page.jsonPath().getList("id", String.class);
            sizes.add(ids.size());
            seen.addAll(ids);
            cursor = page.header("X-Next-Cursor");
        } while (cursor != null);
        assertEquals(List.of(2, 2, 1), sizes);
        assertEquals(5, new java.util.HashSet<>(seen).size());
        List<String> all = given().auth()
                .oauth2(dave)
                .queryParam("inbox", routing.inbox)
                .get("/conversations")
                .then()
                .extract()
                .jsonPath()
                .getList("id", String.class);
        assertEquals(all, seen);
        given().auth()
                .oauth2(dave)
                .queryParam("inbox", routing.inbox)
                .get("/conversations/count")
                .then()
                .statusCode(200)
                .body("count", equalTo(5));
        given().auth()
                .oauth2(dave)
                .queryParam("cursor", "not-a-cursor")
                .get("/conversations")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void transferNotesRepliesAndManualAssignment() {
        String otherTeam = "other-" + routing.team;
        routing.member(otherTeam, "b-" + routing.team, null);
        routing.customer("m1", "cust-1", "I need a hand with my bill");
        String id = (String) routing.awaitConversationOf("cust-1", c -> c.get("assignee") != null)
                .get("id");

        action("/conversations/" + id + "/notes", Map.of("text", "Customer since 2019, be nice"), 204);
        action("/conversations/" + id + "/transfer", Map.of("team", otherTeam), 204);
        Map<String, Object> moved = routing.detail(id);
        assertEquals(otherTeam, moved.get("team"));
        assertEquals("b-" + routing.team, moved.get("assignee"));

        // Agents take conversations themselves only; supervisors give them to anyone.
        action("/conversations/" + id + "/assign", Map.of("agent", agent), 403);
        action("carol", "/conversations/" + id + "/assign", Map.of("agent", agent), 204);
        assertEquals(agent, routing.detail(id).get("assignee"));
        action("carol", "/conversations/" + id + "/assign", Map.of("agent", "nobody-we-know"), 422);

        // The timeline: who assigned it, moved it and gave it to whom, from the inbound path and the API alike.
        given().auth()
                .oauth2(Tokens.of("alice"))
                .get("/conversations/" + id + "/timeline")
                .then()
                .statusCode(200)
                .body("[0].type", equalTo("conversation.assigned"))
                .body("[0].actor", equalTo("policy"))
                .body("[0].agent", equalTo(agent))
                .body("find { it.type == 'conversation.transferred' }.from", equalTo(routing.team))
                .body("find { it.type == 'conversation.transferred' }.to", equalTo(otherTeam))
                .body("find { it.type == 'conversation.transferred' }.actor", equalTo("alice"))
                .body("[-1].type", equalTo("conversation.assigned"))
                .body("[-1].actor", equalTo("carol"))
                .body("[-1].agent", equalTo(agent));
        given().auth()
                .oauth2(Tokens.of("alice"))
                .get("/conversations/" + java.util.UUID.randomUUID() + "/timeline")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");

        try (TopicProbe outbound = new TopicProbe(RoutingClient.bootstrap(), Topics.OUTBOUND_MESSAGES)) {
            action("/conversations/" + id + "/replies", Map.of("text", "Sure, what is unclear?"), 202);
            await().atMost(RoutingClient.WAIT)
                    .until(() -> outbound.records().stream()
                            .filter(r -> id.equals(r.key()))
                            .map(r -> EventCodec.decode(r.value()).payload())
                            .anyMatch(p -> "Sure, what is unclear?"
                                            .equals(p.get("text").asText())
                                    && "alice".equals(p.get("agent").asText())
                                    && "cust-1".equals(p.get("recipientId").asText())));
        }

        List<?> messages = (List<?>) routing.detail(id).get("messages");
        Map<?, ?> note = (Map<?, ?>) messages.get(1);
        assertEquals("note", note.get("direction"));
        assertEquals("alice", note.get("agent"));
        action("/conversations/" + id + "/tags", Map.of("tag", "no-such-tag"), 422);
        // No token, no actor: a header cannot name one.
        given().contentType(ContentType.JSON)
                .header("X-Parley-Actor", "alice")
                .body(Map.of("text", "x"))
                .post("/conversations/" + id + "/notes")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    static void action(String path, Map<String, Object> body, int status) {
        action("alice", path, body, status);
    }

    static void action(String actor, String path, Map<String, Object> body, int status) {
        given().auth()
                .oauth2(Tokens.of(actor))
                .contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then()
                .statusCode(status);
    }
}
