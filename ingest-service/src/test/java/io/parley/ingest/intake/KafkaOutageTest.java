package io.parley.ingest.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
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
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Stops the real broker mid-stream: every 2xx answer must end up on the topic once, every failure must be a 503. */
@QuarkusTest
class KafkaOutageTest {
    static final String SECRET = "outage-test-secret-0123456789";

    @Test
    void nothingAcceptedIsLostAndWhatCannotBeStoredIs503() {
        String inbox = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType("application/json")
                .body("{\"channel\":\"api\",\"name\":\"Outage\",\"team\":\"support\",\"secret\":\"" + SECRET + "\"}")
                .put("/inboxes/" + inbox)
                .then()
                .statusCode(200);

        IntStream.rangeClosed(1, 5).forEach(i -> post(inbox, "before-" + i).statusCode(202));
        ServerOutage.stop(ServerOutage.Server.KAFKA);
        try {
            post(inbox, "during-1")
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", equalTo("5"));
        } finally {
            ServerOutage.restart(ServerOutage.Server.KAFKA);
        }
        // The provider retries: the failed message was not taken for a duplicate.
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> post(inbox, "during-1").statusCode(202));
        post(inbox, "after-1").statusCode(202);

        try (TopicProbe topic = new TopicProbe(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                Topics.INBOUND_MESSAGES)) {
            Map<String, Long> counts =
                    await().atMost(Duration.ofSeconds(30)).until(() -> countsOf(inbox, topic), c -> c.size() == 7);
            assertEquals(
                    Map.of(
                            "before-1",
                            1L,
                            "before-2",
                            1L,
                            "before-3",
                            1L,
                            "before-4",
                            1L,
                            "before-5",
                            1L,
                            "during-1",
                            1L,
                            "after-1",
                            1L),
                    counts);
        }
    }

    private static Map<String, Long> countsOf(String inbox, TopicProbe topic) {
        return topic.records().stream()
                .filter(r -> r.key().startsWith(inbox + ":"))
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
