package io.parley.ingest.intake;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.contracts.Topics;
import io.parley.stack.testing.ServerOutage;
import io.parley.stack.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Stops the real broker mid-stream: every 2xx answer must end up on the topic once, every failure must be a 503. */
@QuarkusTest
class KafkaOutageTest {
    static final String SECRET = "outage-test-secret-0123456789";

    @Test
    void nothingAcceptedIsLostAndWhatCannotBeStoredIs503() {
        ApiInbox inbox = ApiInbox.create("outage", SECRET);

        IntStream.rangeClosed(1, 5).forEach(i -> inbox.post("before-" + i).statusCode(202));
        ServerOutage.stop(ServerOutage.Server.KAFKA);
        try {
            inbox.post("during-1")
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", equalTo("5"));
        } finally {
            ServerOutage.restart(ServerOutage.Server.KAFKA);
        }
        // The provider retries: the failed message was not taken for a duplicate.
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> inbox.post("during-1").statusCode(202));
        inbox.post("after-1").statusCode(202);

        try (TopicProbe topic = new TopicProbe(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                Topics.INBOUND_MESSAGES)) {
            Map<String, Long> counts = await().atMost(Duration.ofSeconds(30))
                    .until(() -> ApiInbox.publishedCounts(topic, inbox), c -> c.size() == 7);
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
}
