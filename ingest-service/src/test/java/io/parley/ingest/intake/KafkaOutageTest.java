package io.parley.ingest.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.contracts.EventCodec;
import io.parley.contracts.InboundMessage;
import io.parley.contracts.Topics;
import io.parley.stack.testing.ServerOutage;
import io.parley.stack.testing.TopicProbe;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Stops the real broker mid-stream. Webhooks keep being accepted, since their claims are durable in PostgreSQL (what
 * cannot be stored there is a 503: {@link DatabaseOutageTest}); once the broker is back the relay delivers every
 * accepted event exactly once and in order, without another webhook to wake it.
 */
@QuarkusTest
class KafkaOutageTest {
    /** Readiness answers on the management interface, not on the webhook port. */
    @TestHTTPResource(value = "/health/ready", management = true)
    java.net.URL readiness;

    static final String SECRET = "outage-test-secret-0123456789";

    @Test
    void webhooksAcceptedDuringAnOutageReachKafkaOnceInOrderWhenItIsBack() {
        ApiInbox inbox = ApiInbox.create("outage", SECRET);
        List<String> before = List.of("before-1", "before-2", "before-3", "before-4", "before-5");
        List<String> during = List.of("during-1", "during-2", "during-3");

        try (TopicProbe topic = new TopicProbe(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                Topics.INBOUND_MESSAGES)) {
            before.forEach(id -> inbox.post(id).statusCode(202));
            await().atMost(Duration.ofSeconds(30)).until(() -> published(topic, inbox), equalTo(before));

            ServerOutage.stop(ServerOutage.Server.KAFKA);
            try {
                during.forEach(id -> inbox.post(id).statusCode(202).body("status", equalTo("accepted")));
                // The provider's redelivery of an accepted webhook is a duplicate even before the event is relayed.
                inbox.post("during-1").statusCode(200).body("status", equalTo("duplicate"));
                // Still ready for webhooks throughout, past the relay's failed sends (max.block.ms 5 s, delivery
                // timeout 10 s): a load balancer must not take ingest out of service for a broker outage.
                await().during(Duration.ofSeconds(12))
                        .atMost(Duration.ofSeconds(20))
                        .until(() -> given().get(readiness).statusCode(), equalTo(200));
            } finally {
                ServerOutage.restart(ServerOutage.Server.KAFKA);
            }

            List<String> relayed =
                    Stream.concat(before.stream(), during.stream()).toList();
            await().atMost(Duration.ofSeconds(60)).until(() -> published(topic, inbox), equalTo(relayed));

            inbox.post("after-1").statusCode(202);
            // Once each, in order: a relay round that the outage interrupted was not sent twice, nor anything skipped.
            List<String> all =
                    Stream.concat(relayed.stream(), Stream.of("after-1")).toList();
            await().atMost(Duration.ofSeconds(30)).until(() -> published(topic, inbox), equalTo(all));
            assertEquals(all, published(topic, inbox));
        }
    }

    /** Provider message ids of the inbox's events on the topic, in topic order (one sender: one partition). */
    private static List<String> published(TopicProbe topic, ApiInbox inbox) {
        return inbox.events(topic).stream()
                .map(event -> EventCodec.payload(event, InboundMessage.class).providerMessageId())
                .toList();
    }
}
