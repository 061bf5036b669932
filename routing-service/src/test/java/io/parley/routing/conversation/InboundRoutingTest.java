package io.parley.routing.conversation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.parley.contracts.EventCodec;
import io.parley.contracts.EventEnvelope;
import io.parley.contracts.EventTypes;
import io.parley.contracts.InboundMessage;
import io.parley.contracts.MessageStatus;
import io.parley.contracts.OutboundResult;
import io.parley.contracts.Topics;
import io.parley.routing.support.RoutingClient;
import io.parley.stack.testing.Tokens;
import io.parley.stack.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Inbound events go through the real broker; what routing stored is read back from PostgreSQL through its API. */
@QuarkusTest
class InboundRoutingTest {
    RoutingClient routing;
    String inbox;
    String team;

    @BeforeEach
    void setUp() {
        routing = new RoutingClient();
        inbox = routing.inbox;
        team = routing.team;
    }

    @AfterEach
    void tearDown() {
        routing.close();
    }

    @Test
    void aBatchThreadsANewCustomersMessagesTogetherAndStoresARepeatOnce() {
        routing.member(team, "agent-a", null);
        // One poll: a customer routing has never seen writes three times, one message arrives twice (under a new
        // event id, as a second ingest instance would publish it) and another new customer writes in between.
        routing.sendTogether(List.of(
                routing.inbound("b1", "cust-new", "Hello", b -> {}),
                routing.inbound("b2", "cust-new", "Anyone there?", b -> {}),
                routing.inbound("b3", "cust-other", "Refund please", b -> {}),
                routing.inbound("b1", "cust-new", "Hello", b -> {}),
                routing.inbound("b4", "cust-new", "Thanks", b -> {})));

        List<Map<String, Object>> conversations = awaitConversations(2);
        Map<String, Object> theirs = conversations.stream()
                .filter(c -> "cust-new".equals(RoutingClient.customerOf(c)))
                .findFirst()
                .orElseThrow();
        String id = theirs.get("id").toString();
        List<?> messages = await().atMost(RoutingClient.WAIT)
                .until(() -> (List<?>) routing.detail(id).get("messages"), list -> list.size() >= 3);
        assertEquals(
                List.of("Hello", "Anyone there?", "Thanks"),
                messages.stream().map(m -> ((Map<?, ?>) m).get("text")).toList());
        Map<String, Object> other = conversations.stream()
                .filter(c -> "cust-other".equals(RoutingClient.customerOf(c)))
                .findFirst()
                .orElseThrow();
        assertEquals(1, ((List<?>) routing.detail(other.get("id").toString()).get("messages")).size());
        // Both were new in the batch and got the one agent there; each was assigned once.
        assertEquals("agent-a", theirs.get("assignee"));
        assertEquals("agent-a", other.get("assignee"));
    }

    @Test
    void threadsMessagesIntoConversationsAndAssignsRoundRobin() {
        routing.member(team, "agent-a", null);
        routing.member(team, "agent-b", null);

        routing.send(routing.inbound("m1", "cust-1", "Hello", b -> {}));
        routing.send(routing.inbound("m2", "cust-1", "Anyone there?", b -> {}));
        routing.send(routing.inbound("m3", "cust-2", "Refund please", b -> {}));
        routing.send(routing.inbound("m4", "cust-3", "Where is my parcel?", b -> {}));

        List<Map<String, Object>> conversations = awaitConversations(3);
        Map<String, String> assigneeByCustomer = new java.util.HashMap<>();
        conversations.forEach(c -> assigneeByCustomer.put(
                (String) ((Map<?, ?>) c.get("contact")).get("sourceId"), (String) c.get("assignee")));
        // Threads on different partitions are routed side by side, so which customer came first is not fixed; the
        // alternation is: one agent twice, the other once (RoundRobinSelectorTest pins the exact order).
        Map<String, Long> perAgent = assigneeByCustomer.values().stream()
                .collect(java.util.stream.Collectors.groupingBy(a -> a, java.util.stream.Collectors.counting()));
        assertEquals(List.of(1L, 2L), perAgent.values().stream().sorted().toList());
        assertEquals(java.util.Set.of("agent-a", "agent-b"), perAgent.keySet());

        String first = conversations.stream()
                .filter(c -> "cust-1".equals(((Map<?, ?>) c.get("contact")).get("sourceId")))
                .map(c -> (String) c.get("id"))
                .findFirst()
                .orElseThrow();
        given().auth()
                .oauth2(Tokens.of("dave"))
                .get("/conversations/" + first)
                .then()
                .statusCode(200)
                .body("status", equalTo("open"))
                .body("team", equalTo(team))
                .body("messages", hasSize(2))
                .body("messages[0].text", equalTo("Hello"))
                .body("messages[1].text", equalTo("Anyone there?"));
    }

    @Test
    void duplicateDeliveriesChangeNothing() {
        routing.member(team, "agent-a", null);
        EventEnvelope original = routing.inbound("m-dup", "cust-1", "Only once", b -> {});

        routing.send(original);
        routing.send(original);
        // A second event id for the same provider message (a replay) is no new message either.
        routing.send(EventCodec.envelope(
                UUID.randomUUID(),
                original.type(),
                original.aggregateType(),
                original.aggregateId(),
                original.occurredAt(),
                EventCodec.payload(original, InboundMessage.class)));
        routing.send(routing.inbound("m-after", "cust-1", "Second message", b -> {}));

        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            String id = routing.conversations().get(0).get("id").toString();
            given().auth()
                    .oauth2(Tokens.of("dave"))
                    .get("/conversations/" + id)
                    .then()
                    .body("messages.text", equalTo(List.of("Only once", "Second message")));
        });
        assertEquals(1, routing.conversations().size());
    }

    @Test
    void publishesCreatedMessageCreatedQueuedAndAssignedEvents() {
        routing.member(team, "agent-z", null);
        try (TopicProbe events = new TopicProbe(RoutingClient.bootstrap(), Topics.CONVERSATION_EVENTS)) {
            routing.send(routing.inbound("m-ev", "cust-ev", "Events please", b -> {}));

            String conversationId = awaitConversations(1).get(0).get("id").toString();
            List<EventEnvelope> ofConversation = await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> events.records().stream()
                                    .filter(r -> conversationId.equals(r.key()))
                                    .map(r -> EventCodec.decode(r.value()))
                                    .toList(),
                            list -> list.size() >= 4);
            assertEquals(
                    List.of(
                            EventTypes.CONVERSATION_CREATED,
                            EventTypes.CONVERSATION_MESSAGE_CREATED,
                            EventTypes.CONVERSATION_QUEUED,
                            EventTypes.CONVERSATION_ASSIGNED),
                    ofConversation.stream().map(EventEnvelope::type).toList());
            assertEquals(
                    "agent-z", ofConversation.get(3).payload().get("assignee").asText());
            assertEquals("api", ofConversation.get(0).payload().get("channel").asText());
        }
    }

    @Test
    void conversationWaitsUnassignedWhenTheTeamHasNoAgents() {
        routing.send(routing.inbound("m-lonely", "cust-1", "Hello?", b -> {}));

        Map<String, Object> conversation = awaitConversations(1).get(0);
        assertNull(conversation.get("assignee"));
    }

    @Test
    void unreadableRecordIsParkedAndLaterMessagesStillFlow() {
        routing.member(team, "agent-a", null);
        String unreadable = "{not json " + inbox;
        try (TopicProbe deadLetters = new TopicProbe(RoutingClient.bootstrap(), Topics.INBOUND_MESSAGES + ".dlq")) {
            routing.raw(inbox + ":cust-1", unreadable);
            routing.raw(inbox + ":no-value", null);
            routing.send(routing.inbound("m-ok", "cust-1", "Still routed", b -> {}));

            assertEquals("agent-a", awaitConversations(1).get(0).get("assignee"));
            await().atMost(RoutingClient.WAIT).untilAsserted(() -> {
                var records = deadLetters.records();
                var parked = records.stream()
                        .filter(r -> unreadable.equals(r.value()))
                        .toList();
                assertEquals(1, parked.size());
                assertEquals(inbox + ":cust-1", parked.get(0).key());
                assertNotNull(parked.get(0).headers().lastHeader("dead-letter-reason"));
                assertEquals(
                        1,
                        records.stream()
                                .filter(r -> (inbox + ":no-value").equals(r.key()))
                                .count());
            });
        }
    }

    @Test
    void echoesAreOutgoingEditsAndDeletionsChangeTheirTarget() {
        routing.member(team, "agent-a", null);
        routing.send(routing.inbound("m-hi", "cust-1", "Hi, my parcel?", b -> {}));
        routing.send(routing.inbound("m-echo", "cust-1", "On its way!", b -> b.echo(true)));
        routing.send(routing.inbound("m-typo", "cust-1", "Thnaks", b -> {}));
        routing.send(routing.inbound(
                "m-typo:edit:1",
                "cust-1",
                "Thanks",
                b -> b.kind(InboundMessage.Kind.EDIT).target("m-typo")));
        routing.send(routing.inbound(
                "m-hi:deleted",
                "cust-1",
                null,
                b -> b.kind(InboundMessage.Kind.DELETE).target("m-hi")));
        routing.send(routing.inbound("m-last", "cust-1", "Bye", b -> {}));

        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            String id = routing.conversations().get(0).get("id").toString();
            given().auth()
                    .oauth2(Tokens.of("dave"))
                    .get("/conversations/" + id)
                    .then()
                    .body("messages.direction", equalTo(List.of("incoming", "outgoing", "incoming", "incoming")))
                    .body("messages.text", equalTo(java.util.Arrays.asList(null, "On its way!", "Thanks", "Bye")));
        });
    }

    @Test
    void repliesAreRecordedWithTheirDeliveryOutcomeAndReceipts() {
        routing.member(team, "agent-a", null);
        routing.send(routing.inbound("m-q", "cust-1", "Is it shipped?", b -> {}));
        String id = awaitConversations(1).get(0).get("id").toString();

        routing.send(routing.resultOf(id, "cust-1", OutboundResult.DELIVERED, "out-1", "Yes, today", "agent-a", null));
        routing.send(routing.resultOf(
                id,
                "cust-1",
                OutboundResult.FAILED,
                null,
                "And tracking?",
                "agent-a",
                "HTTP 400: outside of allowed window"));
        routing.event(
                EventTypes.MESSAGE_STATUS,
                inbox + ":cust-1",
                new MessageStatus(inbox, "api", "out-1", "cust-1", MessageStatus.READ, Instant.now(), null));
        routing.event(
                EventTypes.MESSAGE_STATUS,
                inbox + ":cust-1",
                new MessageStatus(inbox, "api", "out-1", "cust-1", MessageStatus.DELIVERED, Instant.now(), null));
        routing.send(routing.inbound("m-end", "cust-1", "Thanks", b -> {}));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.of("dave"))
                        .get("/conversations/" + id)
                        .then()
                        .body("messages.direction", equalTo(List.of("incoming", "outgoing", "outgoing", "incoming")))
                        .body("messages[1].agent", equalTo("agent-a"))
                        .body("messages[1].deliveryStatus", equalTo("read"))
                        .body("messages[2].deliveryStatus", equalTo("failed"))
                        .body("messages[2].deliveryError", equalTo("HTTP 400: outside of allowed window")));
    }

    @Test
    void aBatchFindsTheMessagesItHasNotWrittenYet() {
        routing.member(team, "agent-a", null);
        routing.send(routing.inbound("m-q", "cust-1", "Is it shipped?", b -> {}));
        String id = awaitConversations(1).get(0).get("id").toString();

        // One poll: a reply's result with its receipt, and a new customer's message with its edit, a second message
        // with its deletion: each later record finds a message the batch appended and has not written yet.
        routing.sendTogether(List.of(
                routing.resultOf(id, "cust-1", OutboundResult.DELIVERED, "out-1", "Yes, today", "agent-a", null),
                routing.envelope(
                        EventTypes.MESSAGE_STATUS,
                        inbox + ":cust-1",
                        new MessageStatus(inbox, "api", "out-1", "cust-1", MessageStatus.READ, Instant.now(), null)),
                routing.inbound("n-1", "cust-2", "Thnaks", b -> {}),
                routing.inbound(
                        "n-1:edit:1",
                        "cust-2",
                        "Thanks",
                        b -> b.kind(InboundMessage.Kind.EDIT).target("n-1")),
                routing.inbound("n-2", "cust-2", "Wrong chat", b -> {}),
                routing.inbound(
                        "n-2:deleted",
                        "cust-2",
                        null,
                        b -> b.kind(InboundMessage.Kind.DELETE).target("n-2"))));

        await().atMost(RoutingClient.WAIT)
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.of("dave"))
                        .get("/conversations/" + id)
                        .then()
                        .body("messages.direction", equalTo(List.of("incoming", "outgoing")))
                        .body("messages[1].deliveryStatus", equalTo("read")));
        Map<String, Object> theirs = routing.awaitConversationOf("cust-2", c -> true);
        given().auth()
                .oauth2(Tokens.of("dave"))
                .get("/conversations/" + theirs.get("id"))
                .then()
                .body("messages.text", equalTo(java.util.Arrays.asList("Thanks", null)));
    }

    @Test
    void anAutoReplyNeverOpensAConversation() {
        routing.member(team, "agent-a", null);
        // Same thread, so the broker keeps the order: the question must open the conversation, not the auto-reply.
        routing.send(routing.inbound("m-ooo", "cust-1", "I am out of office", b -> b.autoReply(true)));
        routing.send(routing.inbound("m-real", "cust-1", "A real question", b -> {}));

        String id = awaitConversations(1).get(0).get("id").toString();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.of("dave"))
                        .get("/conversations/" + id)
                        .then()
                        .body("messages.text", equalTo(List.of("A real question"))));
    }

    @Test
    void badFiltersAreClientErrors() {
        given().auth()
                .oauth2(Tokens.of("dave"))
                .get("/conversations?status=sleeping")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("status must be one of"));
        given().auth()
                .oauth2(Tokens.of("dave"))
                .get("/conversations/not-a-uuid")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.of("dave"))
                .get("/conversations?limit=0")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(Tokens.of("dave"))
                .put("/teams/Bad Team!/members/alice")
                .then()
                .statusCode(422);
    }

    private List<Map<String, Object>> awaitConversations(int count) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        routing::conversations,
                        list -> list.size() == count
                                && list.stream().allMatch(c -> c.get("assignee") != null || !hasMembers()));
    }

    private boolean hasMembers() {
        return given().auth().oauth2(Tokens.of("dave")).get("/teams/" + team).statusCode() == 200;
    }
}
