package io.parley.routing.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.parley.contracts.EventCodec;
import io.parley.contracts.EventEnvelope;
import io.parley.contracts.EventTypes;
import io.parley.contracts.InboundMessage;
import io.parley.contracts.OutboundResult;
import io.parley.contracts.Topics;
import io.parley.stack.testing.Tokens;
import io.parley.stack.testing.TopicWriter;
import io.restassured.common.mapper.TypeRef;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What routing tests do over and over, through the real broker and routing's HTTP API: write ingest's events to
 * Kafka, call the API as the gateway would, wait for what routing stored in PostgreSQL.
 */
public final class RoutingClient implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(20);

    public final String inbox;
    public final String team;
    private final TopicWriter writer;

    public RoutingClient() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        this.inbox = "inbox-" + suffix;
        this.team = "team-" + suffix;
        this.writer = new TopicWriter(bootstrap());
    }

    public static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** A customer's message on the team's inbox; the thread is the customer. */
    public void customer(String providerId, String customer, String text) {
        customer(providerId, customer, text, b -> {});
    }

    public void customer(String providerId, String customer, String text, Consumer<InboundMessage.Builder> customise) {
        send(inbound(providerId, customer, text, customise));
    }

    /** ingest's event for a customer's message, to send (or send again) later. */
    public EventEnvelope inbound(
            String providerId, String customer, String text, Consumer<InboundMessage.Builder> customise) {
        return EventCodec.inbound(message(providerId, customer, text, customise));
    }

    public void send(EventEnvelope envelope) {
        writer.send(Topics.INBOUND_MESSAGES, envelope.aggregateId(), EventCodec.encode(envelope));
    }

    /** A record as it is, for what must not parse. */
    public void raw(String key, String value) {
        writer.send(Topics.INBOUND_MESSAGES, key, value);
    }

    /** Any event ingest publishes on the inbound topic (receipts, reply results). */
    public void event(String type, String key, Object payload) {
        send(envelope(type, key, payload));
    }

    /** Such an event, to send later (with others, in one batch). */
    public EventEnvelope envelope(String type, String key, Object payload) {
        return EventCodec.envelope(UUID.randomUUID(), type, "inbound-message", key, Instant.now(), payload);
    }

    /** Events reaching the broker at once, in this order: routing polls them as one batch. */
    public void sendTogether(List<EventEnvelope> envelopes) {
        writer.sendTogether(
                Topics.INBOUND_MESSAGES,
                envelopes.stream()
                        .map(e -> Map.entry(e.aggregateId(), EventCodec.encode(e)))
                        .toList());
    }

    /** One message from each customer, all reaching the broker at once (so routing handles them side by side). */
    public void customersTogether(List<String> customers, String text) {
        List<Map.Entry<String, String>> records = new java.util.ArrayList<>();
        for (String customer : customers) {
            EventEnvelope envelope = inbound("m-" + customer, customer, text, b -> {});
            records.add(Map.entry(envelope.aggregateId(), EventCodec.encode(envelope)));
        }
        writer.sendTogether(Topics.INBOUND_MESSAGES, records);
    }

    /** ingest reporting an agent's reply as delivered. */
    public void delivered(String conversationId, String customer, String agent, String text) {
        send(resultOf(
                conversationId, customer, OutboundResult.DELIVERED, "out-" + UUID.randomUUID(), text, agent, null));
    }

    /** ingest reporting what became of a reply (to {@link #send}, alone or with others). */
    public EventEnvelope resultOf(
            String conversationId,
            String customer,
            String status,
            String providerId,
            String text,
            String agent,
            String error) {
        return envelope(
                EventTypes.MESSAGE_OUTBOUND_RESULT,
                inbox + ":" + customer,
                new OutboundResult(
                        UUID.randomUUID(),
                        UUID.fromString(conversationId),
                        inbox,
                        "api",
                        customer,
                        status,
                        providerId,
                        text,
                        agent,
                        error,
                        1,
                        Instant.now()));
    }

    private InboundMessage message(
            String providerId, String customer, String text, Consumer<InboundMessage.Builder> customise) {
        Instant now = Instant.now();
        InboundMessage.Builder builder = InboundMessage.builder()
                .inbox(inbox, "api", team)
                .providerMessageId(providerId)
                .threadKey(customer)
                .contact(customer, "Customer " + customer)
                .text(text)
                .sentAt(now)
                .receivedAt(now);
        customise.accept(builder);
        return builder.build();
    }

    /** The inbox's conversations, up to 200 (the API lists 50 unless asked for more). */
    public List<Map<String, Object>> conversations() {
        return given().auth()
                .oauth2(Tokens.of("dave"))
                .queryParam("inbox", inbox)
                .queryParam("limit", 200)
                .get("/conversations")
                .then()
                .statusCode(200)
                .extract()
                .as(new TypeRef<>() {});
    }

    public List<Map<String, Object>> awaitConversations(Predicate<List<Map<String, Object>>> until) {
        return await().atMost(WAIT).until(this::conversations, until);
    }

    public Map<String, Object> awaitConversationOf(String customer, Predicate<Map<String, Object>> until) {
        return await().atMost(WAIT)
                .until(
                        () -> conversations().stream()
                                .filter(c -> customer.equals(((Map<?, ?>) c.get("contact")).get("sourceId")))
                                .filter(until)
                                .findFirst()
                                .orElse(null),
                        java.util.Objects::nonNull);
    }

    public Map<String, Object> detail(String id) {
        return given().auth()
                .oauth2(Tokens.of("dave"))
                .get("/conversations/" + id)
                .then()
                .statusCode(200)
                .extract()
                .as(new TypeRef<>() {});
    }

    public void member(String team, String agent, Object body) {
        var request = given().auth().oauth2(Tokens.of("dave")).contentType(ContentType.JSON);
        if (body != null) request.body(body);
        request.put("/teams/" + team + "/members/" + agent).then().statusCode(204);
    }

    public void policy(String team, Map<String, Object> policy) {
        given().auth()
                .oauth2(Tokens.of("dave"))
                .contentType(ContentType.JSON)
                .body(policy)
                .put("/teams/" + team + "/policy")
                .then()
                .statusCode(200);
    }

    public void availability(String agent, String availability) {
        given().auth()
                .oauth2(Tokens.of("dave"))
                .contentType(ContentType.JSON)
                .body(Map.of("availability", availability))
                .put("/agents/" + agent + "/availability")
                .then()
                .statusCode(200);
    }

    public void status(String conversationId, String status) {
        given().auth()
                .oauth2(Tokens.of("carol"))
                .contentType(ContentType.JSON)
                .body(Map.of("status", status))
                .put("/conversations/" + conversationId + "/status")
                .then()
                .statusCode(204);
    }

    public static String customerOf(Map<String, Object> conversation) {
        return (String) ((Map<?, ?>) conversation.get("contact")).get("sourceId");
    }

    public static List<EventEnvelope> decode(
            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> EventCodec.decode(r.value())).toList();
    }

    @Override
    public void close() {
        writer.close();
    }
}
