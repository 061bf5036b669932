package io.parley.metrics.projection;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contracts.ConversationEvents.Created;
import io.parley.contracts.ConversationEvents.Resolved;
import io.parley.contracts.EventTypes;
import io.parley.metrics.EventScript;
import io.parley.stack.testing.ServerOutage;
import io.parley.stack.testing.Tokens;
import io.parley.stack.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Only what can never be processed reaches the dead-letter topic; a database outage makes the consumer wait and retry,
 * and every event is counted once PostgreSQL is back.
 */
@QuarkusTest
class ProjectionResilienceTest {
    static final String DLQ = "parley.conversation-events.metrics-dlq";

    final String inbox = "resilience-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void unreadableRecordsAreDeadLetteredAndTheRestCounted() {
        UUID good = UUID.randomUUID();
        String badKey = "bad-" + inbox;
        try (EventScript script = new EventScript();
                TopicProbe deadLetters = new TopicProbe(bootstrap(), DLQ)) {
            script.raw(badKey, "this is not an event");
            // A known type whose payload names no conversation.
            script.raw(
                    badKey,
                    "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"conversation.created\","
                            + "\"aggregateType\":\"conversation\",\"aggregateId\":\"x\","
                            + "\"occurredAt\":\"2026-12-01T10:00:00Z\",\"payload\":{\"conversationId\":\"nope\"}}");
            // A type reports do not use: skipped, not dead-lettered.
            script.raw(
                    badKey,
                    "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"conversation.something_new\","
                            + "\"aggregateType\":\"conversation\",\"aggregateId\":\"x\","
                            + "\"occurredAt\":\"2026-12-01T10:00:00Z\",\"payload\":{}}");
            created(script, good, Instant.parse("2026-12-01T10:00:00Z"));
            script.send();

            await().atMost(Duration.ofSeconds(30)).until(() -> opened(inbox) == 1);
            List<ConsumerRecord<String, String>> parked =
                    await().atMost(Duration.ofSeconds(30)).until(() -> ofKey(deadLetters, badKey), l -> l.size() == 2);
            assertEquals("this is not an event", parked.get(0).value());
            assertTrue(header(parked.get(0), "dead-letter-reason").startsWith("not a JSON event envelope"));
            assertEquals("parley.conversation-events", header(parked.get(0), "dead-letter-topic"));
            assertTrue(header(parked.get(1), "dead-letter-reason").startsWith("payload of conversation.created"));
        }
    }

    /** A record parked by a consumer that could not read it then is sent back by ./parley redrive and counted. */
    @Test
    void redrivenDeadLettersAreCounted() throws Exception {
        UUID parkedConversation = UUID.randomUUID();
        EventScript parked = new EventScript();
        created(parked, parkedConversation, Instant.parse("2026-12-01T11:00:00Z"));
        java.util.Map.Entry<String, String> record = parked.records().get(0);
        java.util.Properties config = new java.util.Properties();
        config.put("bootstrap.servers", bootstrap());
        config.put("key.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName());
        config.put("value.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName());
        try (parked;
                org.apache.kafka.clients.producer.KafkaProducer<String, String> producer =
                        new org.apache.kafka.clients.producer.KafkaProducer<>(config)) {
            org.apache.kafka.clients.producer.ProducerRecord<String, String> dead =
                    new org.apache.kafka.clients.producer.ProducerRecord<>(DLQ, record.getKey(), record.getValue());
            dead.headers().add("dead-letter-topic", "parley.conversation-events".getBytes(StandardCharsets.UTF_8));
            dead.headers().add("dead-letter-reason", "unknown version".getBytes(StandardCharsets.UTF_8));
            producer.send(dead).get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertEquals(0, opened(inbox));

        assertTrue(io.parley.stack.DeadLetterRedrive.redrive(bootstrap(), DLQ) >= 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> opened(inbox) == 1);
    }

    @Test
    void aDatabaseOutagePausesConsumptionAndNothingIsLost() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        try (EventScript script = new EventScript();
                TopicProbe deadLetters = new TopicProbe(bootstrap(), DLQ)) {
            ServerOutage.stop(ServerOutage.Server.POSTGRES);
            try {
                Instant at = Instant.parse("2026-12-01T10:00:00Z");
                created(script, first, at);
                created(script, second, at);
                script.conversation(
                        EventTypes.CONVERSATION_RESOLVED,
                        first,
                        at.plusSeconds(60),
                        new Resolved(first, inbox, "api", "support", null, at, at.plusSeconds(60), 60, "carol", 60));
                script.send();
                // Several retries' worth of time with the database gone: nothing is given up on.
                await().during(Duration.ofSeconds(6))
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> ofKey(deadLetters, first.toString()).isEmpty()
                                && ofKey(deadLetters, second.toString()).isEmpty());
            } finally {
                ServerOutage.restart(ServerOutage.Server.POSTGRES);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> opened(inbox) == 2 && resolved(inbox) == 1);
            assertTrue(ofKey(deadLetters, first.toString()).isEmpty());
        }
    }

    private void created(EventScript script, UUID id, Instant at) {
        script.conversation(
                EventTypes.CONVERSATION_CREATED,
                id,
                at,
                new Created(id, inbox, "api", "support", UUID.randomUUID(), at, "medium"));
    }

    private static int opened(String inbox) {
        return figure(inbox, "opened");
    }

    private static int resolved(String inbox) {
        return figure(inbox, "resolved");
    }

    private static int figure(String inbox, String name) {
        List<Integer> values = given().auth()
                .oauth2(Tokens.of("dave"))
                .get("/reports/conversations?from=2026-12-01&to=2026-12-02&inbox=" + inbox)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("rows." + name, Integer.class);
        return values.isEmpty() ? 0 : values.get(0);
    }

    private static List<ConsumerRecord<String, String>> ofKey(TopicProbe probe, String key) {
        return probe.records().stream().filter(r -> key.equals(r.key())).toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
