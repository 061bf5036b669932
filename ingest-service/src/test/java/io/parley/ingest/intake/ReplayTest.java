package io.parley.ingest.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.contracts.EventEnvelope;
import io.parley.contracts.Topics;
import io.parley.stack.testing.Tokens;
import io.parley.stack.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReplayTest {
    static final String SECRET = "replay-test-secret-0123456789";

    @Test
    void republishesTheSameEventsForATimeRangeInOrder() {
        ApiInbox inbox = ApiInbox.create("replay", SECRET);
        Instant from = Instant.now().minusSeconds(1);
        IntStream.rangeClosed(1, 3).forEach(i -> inbox.post("r-" + i).statusCode(202));
        Instant to = Instant.now().plusSeconds(1);

        try (TopicProbe topic = new TopicProbe(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                Topics.INBOUND_MESSAGES)) {
            List<EventEnvelope> original =
                    await().atMost(Duration.ofSeconds(20)).until(() -> inbox.events(topic), list -> list.size() == 3);

            given().auth()
                    .oauth2(Tokens.of("dave"))
                    .queryParam("from", from.toString())
                    .queryParam("to", to.toString())
                    .post("/inboxes/" + inbox.id() + "/replay")
                    .then()
                    .statusCode(200)
                    .body("republished", equalTo(3));

            List<EventEnvelope> all =
                    await().atMost(Duration.ofSeconds(20)).until(() -> inbox.events(topic), list -> list.size() == 6);
            assertEquals(
                    original.stream().map(EventEnvelope::eventId).toList(),
                    all.subList(3, 6).stream().map(EventEnvelope::eventId).toList(),
                    "a replay re-publishes the very same events, so consumers can drop what they have");
        }
    }

    @Test
    void badRangesAndUnknownInboxesAreClientErrors() {
        given().auth()
                .oauth2(Tokens.of("dave"))
                .queryParam("from", "yesterday")
                .queryParam("to", "2026-01-01T00:00:00Z")
                .post("/inboxes/any/replay")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.of("dave"))
                .contentType("application/json")
                .body("{\"channel\":\"api\",\"name\":\"R\",\"team\":\"support\",\"secret\":\"" + SECRET + "\"}")
                .put("/inboxes/replay-range")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.of("dave"))
                .queryParam("from", "yesterday")
                .queryParam("to", "2026-01-01T00:00:00Z")
                .post("/inboxes/replay-range/replay")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.of("dave"))
                .queryParam("from", "2026-02-01T00:00:00Z")
                .queryParam("to", "2026-01-01T00:00:00Z")
                .post("/inboxes/replay-range/replay")
                .then()
                .statusCode(400);
    }
}
