package io.parley.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.contracts.EventCodec;
import io.parley.contracts.InboundMessage;
import io.parley.contracts.Topics;
import io.parley.stack.ServiceNode;
import io.parley.stack.testing.TopicWriter;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SLA timers outlive the process: a first-response target falls due while routing-service is down (the due time is
 * moved into the past in its database, as if the outage had lasted that long), and the restarted service finds the
 * breach and escalates it.
 */
class SlaTimerRestartTest {
    static RoutingServers servers;
    static RoutingDatabase database;
    static ServiceNode routing;

    @BeforeAll
    static void start() throws Exception {
        servers = RoutingServers.start("sla-restart");
        database = servers.database();
        routing = startRouting();
    }

    @AfterAll
    static void stop() {
        if (servers != null) servers.close();
    }

    static ServiceNode startRouting() {
        return servers.routing(Map.of("parley.sla.check-interval", "1s"));
    }

    @Test
    void aBreachThatFellDueWhileRoutingWasDownIsEscalatedAfterTheRestart() throws Exception {
        String admin = servers.token("dave");
        given().auth()
                .oauth2(admin)
                .put(routing.url() + "/teams/night/members/nora")
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(admin)
                .put(routing.url() + "/teams/escalation/members/carol")
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("firstResponseMinutes", 30, "businessHours", false, "escalationTeam", "escalation"))
                .put(routing.url() + "/sla-policies/standard")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("slaPolicyId", "standard"))
                .put(routing.url() + "/teams/night/settings")
                .then()
                .statusCode(204);
        try (TopicWriter writer = new TopicWriter(servers.bootstrapServers())) {
            Instant now = Instant.now();
            InboundMessage message = InboundMessage.builder()
                    .inbox("inbox-night", "api", "night")
                    .providerMessageId("m-" + UUID.randomUUID())
                    .threadKey("cust-1")
                    .contact("cust-1", "Customer")
                    .text("Hello, anyone?")
                    .sentAt(now)
                    .receivedAt(now)
                    .build();
            writer.send(
                    Topics.INBOUND_MESSAGES, message.conversationKey(), EventCodec.encode(EventCodec.inbound(message)));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> database.text("select state from sla_timer where metric = 'FIRST_RESPONSE'"),
                        "RUNNING"::equals);

        routing.stop();
        routing = null;
        database.execute("update sla_timer set due_at = now() - interval '1 minute' where metric = 'FIRST_RESPONSE'");
        routing = startRouting();

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> database.text("select state from sla_timer where metric = 'FIRST_RESPONSE'"),
                        "BREACHED"::equals);
        assertEquals("HIGH", database.text("select priority from conversation"));
        assertEquals("escalation", database.text("select team from conversation"));
        // The escalation team's queue is served right after the checker's commit.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> database.text("select assignee from conversation"), "carol"::equals);
    }
}
