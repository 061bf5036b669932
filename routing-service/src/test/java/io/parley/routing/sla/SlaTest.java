package io.parley.routing.sla;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.contracts.EventCodec;
import io.parley.contracts.EventEnvelope;
import io.parley.contracts.EventTypes;
import io.parley.contracts.Topics;
import io.parley.routing.support.MutableClock;
import io.parley.routing.support.RoutingClient;
import io.parley.stack.testing.Tokens;
import io.parley.stack.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.common.mapper.TypeRef;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SLA timers on business hours with the clock moved by the test: due dates across a weekend, pausing while pending, a
 * breach found by the durable checker and escalated, the away message and the overnight hand-off.
 */
@QuarkusTest
class SlaTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final List<String> DAY = List.of("09:00-12:00", "13:00-17:00");

    @Inject
    MutableClock clock;

    @io.quarkus.test.common.http.TestHTTPResource(value = "/metrics", management = true)
    java.net.URL metricsEndpoint;

    RoutingClient routing;
    String agent;
    String escalation;

    @BeforeEach
    void setUp() {
        routing = new RoutingClient();
        agent = "a-" + routing.team;
        escalation = "esc-" + routing.team;
        routing.member(routing.team, agent, null);
        routing.member(escalation, "senior-" + routing.team, null);
        put(
                "/business-hours/" + routing.team,
                Map.of(
                        "timeZone",
                        "Europe/Berlin",
                        "weekly",
                        Map.of("monday", DAY, "tuesday", DAY, "wednesday", DAY, "thursday", DAY, "friday", DAY),
                        "holidays",
                        List.of("2026-12-25"),
                        "awayMessage",
                        "We are closed; we answer from 9:00 on working days."));
        put(
                "/sla-policies/" + routing.team,
                Map.of(
                        "firstResponseMinutes", 30,
                        "nextResponseMinutes", 60,
                        "resolutionMinutes", 480,
                        "businessHours", true,
                        "escalationTeam", escalation));
        put(
                "/teams/" + routing.team + "/settings",
                Map.of("businessHoursId", routing.team, "slaPolicyId", routing.team));
    }

    @AfterEach
    void tearDown() {
        routing.close();
        clock.reset();
    }

    /** The inbox's conversations with an SLA target running out within the minutes, by the (moved) clock. */
    private List<String> dueWithin(int minutes) {
        return given().auth()
                .oauth2(Tokens.of("dave"))
                .queryParam("inbox", routing.inbox)
                .queryParam("slaDueWithinMinutes", minutes)
                .get("/conversations")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id", String.class);
    }

    static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }

    @Test
    void aFridayEveningQuestionIsDueMondayMorningAndABreachEscalates() {
        clock.set(berlin("2026-11-27T16:50"));
        try (TopicProbe events = new TopicProbe(RoutingClient.bootstrap(), Topics.CONVERSATION_EVENTS)) {
            routing.customer("m1", "cust-1", "Where is my parcel?");
            String id = (String) routing.awaitConversationOf("cust-1", c -> c.get("assignee") != null)
                    .get("id");

            Map<String, Object> firstResponse = timer(id, "first_response");
            // 10 minutes on Friday, 20 on Monday: the weekend does not count.
            assertEquals(berlin("2026-11-30T09:20").toString(), firstResponse.get("dueAt"));
            assertEquals("running", firstResponse.get("state"));
            // Due Monday: not "due within 30 minutes" on Friday evening.
            assertFalse(dueWithin(30).contains(id));

            clock.set(berlin("2026-11-30T09:19"));
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> "running".equals(timer(id, "first_response").get("state")));
            assertTrue(dueWithin(30).contains(id));

            clock.set(berlin("2026-11-30T09:21"));
            await().atMost(RoutingClient.WAIT)
                    .until(() -> "breached".equals(timer(id, "first_response").get("state")));

            Map<String, Object> escalated = routing.detail(id);
            assertEquals("high", escalated.get("priority"));
            assertEquals(escalation, escalated.get("team"));
            EventEnvelope breach = await().atMost(RoutingClient.WAIT)
                    .until(() -> of(events, id, EventTypes.SLA_BREACHED), java.util.Objects::nonNull);
            JsonNode payload = breach.payload();
            assertEquals("first_response", payload.get("metric").asText());
            assertEquals(escalation, payload.get("escalatedTo").asText());
            assertEquals("supervisors", payload.get("notifyRole").asText());
            assertEquals(agent, payload.get("assignee").asText());
            // On the conversation's timeline: the breach, and the escalation's transfer by "sla".
            given().auth()
                    .oauth2(Tokens.of("dave"))
                    .get("/conversations/" + id + "/timeline")
                    .then()
                    .statusCode(200)
                    .body("find { it.type == 'sla.breached' }.metric", equalTo("first_response"))
                    .body("find { it.type == 'conversation.transferred' }.actor", equalTo("sla"))
                    .body("find { it.type == 'conversation.priority_changed' }.to", equalTo("high"));
            // Counted on routing's Prometheus endpoint once published.
            String metrics = given().get(metricsEndpoint)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertTrue(
                    metrics.contains(
                            "parley_events_published_total{topic=\"parley.conversation-events\",type=\"sla.breached\"}"),
                    metrics);
            // The resolution clock still runs: 8 working hours from Friday 16:50 are 10 minutes on Friday, Monday's 7
            // hours and 50 minutes on Tuesday.
            assertEquals(
                    berlin("2026-12-01T09:50").toString(),
                    timer(id, "resolution").get("dueAt"));
        }
    }

    /** With a fifth of the target left (in business hours), the assignee and the team are warned once. */
    @Test
    void aTargetCloseToItsDueTimeWarnsOnce() {
        clock.set(berlin("2026-11-27T16:50"));
        try (TopicProbe events = new TopicProbe(RoutingClient.bootstrap(), Topics.CONVERSATION_EVENTS)) {
            routing.customer("m1", "cust-1", "Where is my parcel?");
            String id = (String) routing.awaitConversationOf("cust-1", c -> c.get("assignee") != null)
                    .get("id");
            // First response due Monday 09:20; 6 of its 30 minutes left at 09:14.
            clock.set(berlin("2026-11-30T09:13"));
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> all(events, id, EventTypes.SLA_WARNING).isEmpty());

            clock.set(berlin("2026-11-30T09:15"));
            JsonNode warning = await().atMost(RoutingClient.WAIT)
                    .until(() -> of(events, id, EventTypes.SLA_WARNING), java.util.Objects::nonNull)
                    .payload();
            assertEquals("first_response", warning.get("metric").asText());
            assertEquals(agent, warning.get("assignee").asText());
            assertEquals(routing.team, warning.get("team").asText());
            assertEquals(
                    berlin("2026-11-30T09:20"),
                    Instant.parse(warning.get("dueAt").asText()));
            assertEquals("running", timer(id, "first_response").get("state"));
            // Later checks find it warned: one warning, and none yet for the resolution (due Tuesday).
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> all(events, id, EventTypes.SLA_WARNING).size() == 1);
        }
    }

    @Test
    void pendingPausesTheClockAndTheFirstReplyMeetsIt() {
        clock.set(berlin("2026-12-01T10:00"));
        try (TopicProbe events = new TopicProbe(RoutingClient.bootstrap(), Topics.CONVERSATION_EVENTS)) {
            routing.customer("m1", "cust-1", "Can I change my address?");
            String id = (String) routing.awaitConversationOf("cust-1", c -> c.get("assignee") != null)
                    .get("id");

            clock.set(berlin("2026-12-01T10:10"));
            routing.status(id, "pending");
            Map<String, Object> paused = timer(id, "first_response");
            assertEquals("paused", paused.get("state"));
            assertEquals(600, ((Number) paused.get("consumedSeconds")).intValue());

            clock.set(berlin("2026-12-01T14:00"));
            routing.status(id, "open");
            // 20 minutes were left.
            assertEquals(
                    berlin("2026-12-01T14:20").toString(),
                    timer(id, "first_response").get("dueAt"));

            clock.set(berlin("2026-12-01T14:05"));
            routing.delivered(id, "cust-1", agent, "Yes, done.");
            await().atMost(RoutingClient.WAIT)
                    .until(() -> "met".equals(timer(id, "first_response").get("state")));
            EventEnvelope firstReply = await().atMost(RoutingClient.WAIT)
                    .until(() -> of(events, id, EventTypes.CONVERSATION_FIRST_REPLY), java.util.Objects::nonNull);
            assertEquals(agent, firstReply.payload().get("agent").asText());
            // 10:00 → 14:05 is 4h05 on the wall clock but 3h05 of work (lunch 12–13).
            assertEquals(
                    Duration.ofMinutes(185).toSeconds(),
                    firstReply.payload().get("businessSeconds").asLong());

            // The customer writes again: the next-response clock starts.
            clock.set(berlin("2026-12-01T15:00"));
            routing.customer("m2", "cust-1", "And the invoice address too?");
            await().atMost(RoutingClient.WAIT)
                    .until(() -> timers(id).stream()
                            .anyMatch(t -> "next_response".equals(t.get("metric"))
                                    && berlin("2026-12-01T16:00").toString().equals(t.get("dueAt"))));

            routing.status(id, "resolved");
            List<Map<String, Object>> ended = timers(id);
            assertTrue(
                    ended.stream().noneMatch(t -> "running".equals(t.get("state")) || "paused".equals(t.get("state"))));
            assertEquals("met", timer(id, "resolution").get("state"));
        }
    }

    /**
     * What metrics-service reports from: every reply carries the wait it ended, in wall-clock and business seconds; the
     * resolution its business seconds; each target met an sla.met; a change of availability the agent's teams.
     */
    @Test
    void repliesResolutionsAndMetTargetsCarryTheirTimesForReports() {
        clock.set(berlin("2026-12-01T10:00"));
        try (TopicProbe events = new TopicProbe(RoutingClient.bootstrap(), Topics.CONVERSATION_EVENTS)) {
            routing.customer("m1", "cust-1", "Can I change my address?");
            String id = (String) routing.awaitConversationOf("cust-1", c -> c.get("assignee") != null)
                    .get("id");

            clock.set(berlin("2026-12-01T14:05"));
            routing.delivered(id, "cust-1", agent, "Yes, done.");
            JsonNode first = await().atMost(RoutingClient.WAIT)
                    .until(() -> all(events, id, EventTypes.CONVERSATION_AGENT_REPLIED), l -> l.size() == 1)
                    .get(0);
            assertEquals(agent, first.get("agent").asText());
            assertTrue(first.get("first").asBoolean());
            assertEquals(
                    berlin("2026-12-01T10:00").toString(),
                    first.get("waitingSince").asText());
            assertEquals(
                    Duration.ofMinutes(245).toSeconds(), first.get("seconds").asLong());
            assertEquals(
                    Duration.ofMinutes(185).toSeconds(),
                    first.get("businessSeconds").asLong());

            clock.set(berlin("2026-12-01T15:00"));
            routing.customer("m2", "cust-1", "And the invoice address too?");
            await().atMost(RoutingClient.WAIT)
                    .until(() -> timers(id).stream().anyMatch(t -> "next_response".equals(t.get("metric"))));
            clock.set(berlin("2026-12-01T15:02"));
            routing.customer("m3", "cust-1", "Hello?");
            await().atMost(RoutingClient.WAIT)
                    .until(() -> all(events, id, EventTypes.CONVERSATION_MESSAGE_CREATED), l -> l.size() == 4);
            clock.set(berlin("2026-12-01T15:40"));
            routing.delivered(id, "cust-1", agent, "Both changed.");
            await().atMost(RoutingClient.WAIT)
                    .until(() -> all(events, id, EventTypes.CONVERSATION_AGENT_REPLIED), l -> l.size() == 2);
            clock.set(berlin("2026-12-01T15:41"));
            routing.delivered(id, "cust-1", agent, "Anything else?");
            List<JsonNode> replies = await().atMost(RoutingClient.WAIT)
                    .until(() -> all(events, id, EventTypes.CONVERSATION_AGENT_REPLIED), l -> l.size() == 3);
            // The wait starts at the oldest unanswered message; a second reply in a row ends no wait.
            assertEquals(
                    berlin("2026-12-01T15:00").toString(),
                    replies.get(1).get("waitingSince").asText());
            assertEquals(2400, replies.get(1).get("seconds").asLong());
            assertEquals(2400, replies.get(1).get("businessSeconds").asLong());
            assertTrue(replies.get(2).get("waitingSince").isNull());
            assertEquals(0, replies.get(2).get("seconds").asLong());

            clock.set(berlin("2026-12-01T15:50"));
            routing.status(id, "resolved");
            JsonNode resolved = await().atMost(RoutingClient.WAIT)
                    .until(() -> all(events, id, EventTypes.CONVERSATION_RESOLVED), l -> l.size() == 1)
                    .get(0);
            assertEquals(
                    Duration.ofMinutes(350).toSeconds(), resolved.get("seconds").asLong());
            // 10:00–12:00 and 13:00–15:50: lunch is not working time.
            assertEquals(
                    Duration.ofMinutes(290).toSeconds(),
                    resolved.get("businessSeconds").asLong());

            List<JsonNode> met = await().atMost(RoutingClient.WAIT)
                    .until(() -> all(events, id, EventTypes.SLA_MET), l -> l.size() == 3);
            assertEquals(
                    List.of("first_response", "next_response", "resolution"),
                    met.stream().map(m -> m.get("metric").asText()).toList());
            assertEquals(routing.team, met.get(0).get("policyId").asText());
            assertEquals(
                    berlin("2026-12-01T15:00").toString(),
                    met.get(1).get("startedAt").asText());

            // Joining the team announced the agent online; going away announces it too.
            routing.availability(agent, "away");
            List<JsonNode> presence = await().atMost(RoutingClient.WAIT)
                    .until(
                            () -> events.records().stream()
                                    .filter(r -> agent.equals(r.key()))
                                    .map(r -> EventCodec.decode(r.value()))
                                    .filter(e -> EventTypes.AGENT_AVAILABILITY_CHANGED.equals(e.type()))
                                    .map(EventEnvelope::payload)
                                    .toList(),
                            l -> l.size() == 2);
            assertEquals("online", presence.get(0).get("availability").asText());
            assertEquals(routing.team, presence.get(0).get("teams").get(0).asText());
            JsonNode away = presence.get(1);
            assertEquals("away", away.get("availability").asText());
            assertEquals(List.of(routing.team), List.of(away.get("teams").get(0).asText()));
            assertEquals(1, away.get("teams").size());
        }
    }

    @Test
    void outsideHoursTheCustomerHearsSoOnceAndTheOvernightTeamTakesOver() {
        String night = "night-" + routing.team;
        routing.member(night, "owl-" + routing.team, null);
        put(
                "/teams/" + routing.team + "/settings",
                Map.of("businessHoursId", routing.team, "slaPolicyId", routing.team, "overnightTeam", night));
        clock.set(berlin("2026-12-25T11:00")); // a holiday
        try (TopicProbe outbound = new TopicProbe(RoutingClient.bootstrap(), Topics.OUTBOUND_MESSAGES)) {
            routing.customer("m1", "cust-1", "Anyone there?");
            Map<String, Object> conversation =
                    routing.awaitConversationOf("cust-1", c -> ("owl-" + routing.team).equals(c.get("assignee")));
            assertEquals(night, conversation.get("team"));
            String id = (String) conversation.get("id");
            routing.customer("m2", "cust-1", "Hello???");
            await().atMost(RoutingClient.WAIT)
                    .until(() -> ((List<?>) routing.detail(id).get("messages")).size() == 2);

            List<EventEnvelope> sent = await().atMost(RoutingClient.WAIT)
                    .until(
                            () -> outbound.records().stream()
                                    .filter(r -> id.equals(r.key()))
                                    .map(r -> EventCodec.decode(r.value()))
                                    .toList(),
                            list -> !list.isEmpty());
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> outbound.records().stream()
                                    .filter(r -> id.equals(r.key()))
                                    .count()
                            == 1);
            assertEquals(
                    "We are closed; we answer from 9:00 on working days.",
                    sent.get(0).payload().get("text").asText());
            assertEquals("cust-1", sent.get(0).payload().get("recipientId").asText());
        }
    }

    /** Admin screens list what teams can refer to: every team, business hours and SLA policy, by id. */
    @Test
    void teamsHoursAndPoliciesAreListed() {
        String dave = Tokens.of("dave");
        given().auth()
                .oauth2(dave)
                .get("/teams")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + routing.team + "' }.slaPolicyId", equalTo(routing.team))
                .body("find { it.id == '" + routing.team + "' }.members", equalTo(List.of(agent)));
        given().auth()
                .oauth2(dave)
                .get("/business-hours")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + routing.team + "' }.timeZone", equalTo("Europe/Berlin"));
        given().auth()
                .oauth2(dave)
                .get("/sla-policies")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + routing.team + "' }.escalationTeam", equalTo(escalation));
        given().auth()
                .oauth2(Tokens.of("alice"))
                .get("/teams")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void badCalendarsAndPoliciesAreRefusedWithProblemDetails() {
        given().auth()
                .oauth2(Tokens.of("dave"))
                .contentType(ContentType.JSON)
                .body(Map.of("timeZone", "Mars/Olympus"))
                .put("/business-hours/broken")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.of("dave"))
                .contentType(ContentType.JSON)
                .body(Map.of("firstResponseMinutes", 0))
                .put("/sla-policies/broken")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.of("dave"))
                .contentType(ContentType.JSON)
                .body(Map.of("firstResponseMinutes", 10))
                .put("/sla-policies/Not An Id")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.of("dave"))
                .contentType(ContentType.JSON)
                .body(Map.of("slaPolicyId", "no-such-policy"))
                .put("/teams/" + routing.team + "/settings")
                .then()
                .statusCode(422);
    }

    static EventEnvelope of(TopicProbe events, String conversationId, String type) {
        return events.records().stream()
                .filter(r -> conversationId.equals(r.key()))
                .map(r -> EventCodec.decode(r.value()))
                .filter(e -> type.equals(e.type()))
                .findFirst()
                .orElse(null);
    }

    static List<JsonNode> all(TopicProbe events, String conversationId, String type) {
        return events.records().stream()
                .filter(r -> conversationId.equals(r.key()))
                .map(r -> EventCodec.decode(r.value()))
                .filter(e -> type.equals(e.type()))
                .map(EventEnvelope::payload)
                .toList();
    }

    static List<Map<String, Object>> timers(String id) {
        return given().auth()
                .oauth2(Tokens.of("dave"))
                .get("/conversations/" + id + "/sla")
                .then()
                .statusCode(200)
                .extract()
                .as(new TypeRef<>() {});
    }

    static Map<String, Object> timer(String id, String metric) {
        return timers(id).stream()
                .filter(t -> metric.equals(t.get("metric")))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no " + metric + " timer on " + id));
    }

    static void put(String path, Map<String, Object> body) {
        given().auth()
                .oauth2(Tokens.of("dave"))
                .contentType(ContentType.JSON)
                .body(body)
                .put(path)
                .then()
                .statusCode(org.hamcrest.Matchers.lessThan(300));
    }
}
