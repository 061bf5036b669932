package io.parley.ingest.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.contracts.EventCodec;
import io.parley.contracts.InboundMessage;
import io.parley.contracts.Topics;
import io.parley.contracts.WebhookSignature;
import io.parley.ingest.channel.api.ApiChannelAdapter;
import io.parley.stack.testing.ServerOutage;
import io.parley.stack.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Stops the real PostgreSQL mid-stream: a delivery that cannot be archived and claimed is a 503 (the provider
 * retries), whether its inbox was cached or has to be looked up, and nothing is published for it until the retry
 * succeeds.
 */
@QuarkusTest
class DatabaseOutageTest {
    static final String SECRET = "db-outage-test-secret-0123456789";

    @Test
    void whatCannotBeArchivedIs503AndTheRetryIsTakenOnce() {
        String cached = createInbox();
        String uncached = createInbox();

        post(cached, "before-1").statusCode(202);
        ServerOutage.stop(ServerOutage.Server.POSTGRES);
        try {
            post(cached, "during-1")
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", equalTo("5"))
                    .body(not(containsString("at io.")));
            post(uncached, "during-2").statusCode(503).contentType("application/problem+json");
        } finally {
            ServerOutage.restart(ServerOutage.Server.POSTGRES);
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> post(cached, "during-1").statusCode(202));
        post(uncached, "during-2").statusCode(202);
        post(cached, "during-1").statusCode(200).body("status", equalTo("duplicate"));

        try (TopicProbe topic = new TopicProbe(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                Topics.INBOUND_MESSAGES)) {
            Map<String, Long> counts = await().atMost(Duration.ofSeconds(30))
                    .until(() -> countsOf(topic, cached, uncached), c -> c.size() == 3);
            assertEquals(Map.of("before-1", 1L, "during-1", 1L, "during-2", 1L), counts);
        }
    }

    private static String createInbox() {
        String inbox = "db-outage-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType("application/json")
                .body("{\"channel\":\"api\",\"name\":\"Outage\",\"team\":\"support\",\"secret\":\"" + SECRET + "\"}")
                .put("/inboxes/" + inbox)
                .then()
                .statusCode(200);
        return inbox;
    }

    private static Map<String, Long> countsOf(TopicProbe topic, String... inboxes) {
        return topic.records().stream()
                .filter(r ->
                        java.util.Arrays.stream(inboxes).anyMatch(i -> r.key().startsWith(i + ":")))
                .map(r -> EventCodec.payload(EventCodec.decode(r.value()), InboundMessage.class)
                        .providerMessageId())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static ValidatableResponse post(String inbox, String messageId) {
        byte[] body = ("{\"messageId\":\"" + messageId + "\",\"sender\":{\"id\":\"cust-1\"},\"text\":\"" + messageId
                        + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        return given().contentType("application/json")
                .header(ApiChannelAdapter.SIGNATURE_HEADER, WebhookSignature.sign(SECRET, body))
                .body(body)
                .post("/webhooks/api/" + inbox)
                .then();
    }
}
