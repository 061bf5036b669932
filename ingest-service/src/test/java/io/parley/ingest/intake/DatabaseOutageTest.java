package io.parley.ingest.intake;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.contracts.Topics;
import io.parley.stack.testing.ServerOutage;
import io.parley.stack.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
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
        ApiInbox cached = ApiInbox.create("db-outage", SECRET);
        ApiInbox uncached = ApiInbox.create("db-outage", SECRET);

        try (TopicProbe topic = new TopicProbe(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                Topics.INBOUND_MESSAGES)) {
            cached.post("before-1").statusCode(202);
            // Relayed before the stop: a relay round that PostgreSQL's stop interrupts between the broker's ack and its
            // cursor's commit sends its events again (same event ids), which is not what this test is about.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> ApiInbox.publishedCounts(topic, cached), equalTo(Map.of("before-1", 1L)));

            ServerOutage.stop(ServerOutage.Server.POSTGRES);
            try {
                cached.post("during-1")
                        .statusCode(503)
                        .contentType("application/problem+json")
                        .header("Retry-After", equalTo("5"))
                        .body(not(containsString("at io.")));
                uncached.post("during-2").statusCode(503).contentType("application/problem+json");
            } finally {
                ServerOutage.restart(ServerOutage.Server.POSTGRES);
            }
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> cached.post("during-1").statusCode(202));
            uncached.post("during-2").statusCode(202);
            cached.post("during-1").statusCode(200).body("status", equalTo("duplicate"));

            Map<String, Long> counts = await().atMost(Duration.ofSeconds(30))
                    .until(() -> ApiInbox.publishedCounts(topic, cached, uncached), c -> c.size() == 3);
            assertEquals(Map.of("before-1", 1L, "during-1", 1L, "during-2", 1L), counts);
        }
    }
}
