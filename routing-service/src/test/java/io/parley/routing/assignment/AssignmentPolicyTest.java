package io.parley.routing.assignment;

import static io.parley.routing.support.RoutingClient.customerOf;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.parley.routing.support.MutableClock;
import io.parley.routing.support.RoutingClient;
import io.parley.stack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each assignment policy and the team queue, through Kafka into routing and read back from PostgreSQL. */
@QuarkusTest
class AssignmentPolicyTest {
    @Inject
    MutableClock clock;

    RoutingClient routing;
    String a;
    String b;

    @BeforeEach
    void setUp() {
        routing = new RoutingClient();
        a = "a-" + routing.team;
        b = "b-" + routing.team;
    }

    @AfterEach
    void tearDown() {
        routing.close();
        clock.reset();
    }

    @Test
    void leastLoadedFillsTheIdlestAgentAndQueuesBeyondCapacity() {
        routing.member(routing.team, a, null);
        routing.member(routing.team, b, null);
        routing.policy(routing.team, Map.of("strategy", "least_loaded", "capacity", 2));

        for (int i = 1; i <= 5; i++) {
            routing.customer("m" + i, "cust-" + i, "Question number " + i);
        }

        List<Map<String, Object>> conversations = routing.awaitConversations(list -> list.size() == 5
                && list.stream().filter(c -> c.get("assignee") != null).count() == 4);
        Map<Object, Long> perAgent = conversations.stream()
                .filter(c -> c.get("assignee") != null)
                .collect(Collectors.groupingBy(c -> c.get("assignee"), Collectors.counting()));
        assertEquals(Map.of(a, 2L, b, 2L), perAgent);
        // Which customer waits depends on which partition was read first; exactly one does.
        Map<String, Object> waiting = conversations.stream()
                .filter(c -> c.get("assignee") == null)
                .findFirst()
                .orElseThrow();
        given().auth()
                .oauth2(Tokens.of("dave"))
                .get("/teams/" + routing.team + "/queue")
                .then()
                .statusCode(200)
                .body("conversationId", org.hamcrest.Matchers.contains(waiting.get("id")));

        // Resolving one of a's conversations frees a place: the queued one goes to a at once.
        String ofA = conversations.stream()
                .filter(c -> a.equals(c.get("assignee")))
                .map(c -> (String) c.get("id"))
                .findFirst()
                .orElseThrow();
        routing.status(ofA, "resolved");
        routing.awaitConversationOf(customerOf(waiting), c -> a.equals(c.get("assignee")));
    }

    @Test
    void roundRobinStaysEvenWhenConversationsArriveTogether() {
        List<String> agents = List.of(a, b, "c-" + routing.team, "d-" + routing.team);
        agents.forEach(agent -> routing.member(routing.team, agent, null));

        // Different threads land on different partitions and are routed side by side.
        routing.customersTogether(
                java.util.stream.IntStream.rangeClosed(1, 12)
                        .mapToObj(i -> "cust-" + i)
                        .toList(),
                "A question");

        List<Map<String, Object>> conversations = routing.awaitConversations(
                list -> list.size() == 12 && list.stream().allMatch(c -> c.get("assignee") != null));
        Map<Object, Long> perAgent =
                conversations.stream().collect(Collectors.groupingBy(c -> c.get("assignee"), Collectors.counting()));
        assertEquals(Map.of(agents.get(0), 3L, agents.get(1), 3L, agents.get(2), 3L, agents.get(3), 3L), perAgent);
    }

    @Test
    void capacityHoldsForNewConversationsAssignedInTheBatchThatStartedThem() {
        routing.member(routing.team, a, null);
        routing.member(routing.team, b, null);
        routing.policy(routing.team, Map.of("strategy", "round_robin", "capacity", 2));

        // Routed in one or a few batches: each new conversation is written only when its batch's queue pass has placed
        // it, so the loads the pass counts in the database must still see the ones it has just given an agent.
        routing.customersTogether(
                java.util.stream.IntStream.rangeClosed(1, 7)
                        .mapToObj(i -> "cust-" + i)
                        .toList(),
                "A question");

        // A batch writes its conversations and their assignments in one transaction: once all seven are there, every
        // assignment they will get from these messages is too.
        List<Map<String, Object>> conversations = routing.awaitConversations(list -> list.size() == 7);
        Map<Object, Long> perAgent = conversations.stream()
                .filter(c -> c.get("assignee") != null)
                .collect(Collectors.groupingBy(c -> c.get("assignee"), Collectors.counting()));
        assertEquals(Map.of(a, 2L, b, 2L), perAgent);
        List<Object> waiting = conversations.stream()
                .filter(c -> c.get("assignee") == null)
                .map(c -> c.get("id"))
                .toList();
        assertEquals(3, waiting.size());
        given().auth()
                .oauth2(Tokens.of("dave"))
                .get("/teams/" + routing.team + "/queue")
                .then()
                .statusCode(200)
                .body("conversationId", org.hamcrest.Matchers.containsInAnyOrder(waiting.toArray()));
    }

    @Test
    void roundRobinSkipsAgentsWhoAreNotOnlineAndTheQueueWaitsForThem() {
        routing.member(routing.team, a, null);
        routing.availability(a, "away");

        routing.customer("m1", "cust-1", "Hello");
        Map<String, Object> waiting = routing.awaitConversationOf("cust-1", c -> c.get("waitingSince") != null);
        assertNull(waiting.get("assignee"));

        routing.availability(a, "online");
        routing.awaitConversationOf("cust-1", c -> a.equals(c.get("assignee")));
    }

    @Test
    void theQueueServesHigherPriorityFirstThenLongestWaiting() {
        routing.member(routing.team, a, Map.of("capacity", 1));
        routing.availability(a, "offline");

        routing.customer("m1", "cust-old", "First in line");
        routing.awaitConversationOf("cust-old", c -> c.get("waitingSince") != null);
        routing.customer("m2", "cust-urgent", "Second, but urgent");
        String urgent = (String) routing.awaitConversationOf("cust-urgent", c -> c.get("waitingSince") != null)
                .get("id");
        given().auth()
                .oauth2(Tokens.of("carol"))
                .contentType(ContentType.JSON)
                .body(Map.of("priority", "urgent"))
                .put("/conversations/" + urgent + "/priority")
                .then()
                .statusCode(204);
        String old = (String) routing.awaitConversationOf("cust-old", c -> true).get("id");
        // The queue the API shows is in the order the queue pass serves it.
        given().auth()
                .oauth2(Tokens.of("dave"))
                .get("/teams/" + routing.team + "/queue")
                .then()
                .statusCode(200)
                .body("conversationId", org.hamcrest.Matchers.contains(urgent, old));

        routing.availability(a, "online");

        routing.awaitConversationOf("cust-urgent", c -> a.equals(c.get("assignee")));
        // Capacity 1: the older, lower-priority conversation keeps waiting.
        assertNull(routing.awaitConversationOf("cust-old", c -> true).get("assignee"));
    }

    @Test
    void skillsMatchSendsALanguageToTheAgentsWhoSpeakIt() {
        routing.member(routing.team, a, Map.of("skills", List.of("en")));
        routing.member(routing.team, b, Map.of("skills", List.of("es", "en")));
        routing.policy(routing.team, Map.of("strategy", "round_robin", "skillsMatch", true));

        routing.customer("m1", "cust-es-1", "Hola, mi pedido todavía no ha llegado, ¿pueden ayudarme por favor?");
        routing.customer("m2", "cust-es-2", "Buenos días, quisiera cambiar la dirección de entrega de mi pedido.");

        Map<String, Object> first = routing.awaitConversationOf("cust-es-1", c -> c.get("assignee") != null);
        Map<String, Object> second = routing.awaitConversationOf("cust-es-2", c -> c.get("assignee") != null);
        assertEquals("es", first.get("language"));
        assertEquals(b, first.get("assignee"));
        assertEquals(b, second.get("assignee"), "round-robin alone would have given the second one to " + a);
    }

    @Test
    void fairDistributionCapsAssignmentsPerWindowUntilTheWindowMovesOn() {
        routing.member(routing.team, a, null);
        routing.member(routing.team, b, null);
        routing.policy(routing.team, Map.of("strategy", "round_robin", "fairLimit", 1, "fairWindowMinutes", 60));

        routing.customer("m1", "cust-1", "One");
        routing.customer("m2", "cust-2", "Two");
        routing.customer("m3", "cust-3", "Three");

        List<Map<String, Object>> conversations = routing.awaitConversations(list -> list.size() == 3
                && list.stream().filter(c -> c.get("assignee") != null).count() == 2
                && list.stream().anyMatch(c -> c.get("waitingSince") != null));
        Map<Object, Long> perAgent = new HashMap<>(conversations.stream()
                .filter(c -> c.get("assignee") != null)
                .collect(Collectors.groupingBy(c -> c.get("assignee"), Collectors.counting())));
        assertEquals(Map.of(a, 1L, b, 1L), perAgent);

        clock.advance(Duration.ofMinutes(61));
        // The queue sweep notices the window moved on.
        await().atMost(RoutingClient.WAIT)
                .until(() -> routing.conversations().stream().allMatch(c -> c.get("assignee") != null));
    }
}
