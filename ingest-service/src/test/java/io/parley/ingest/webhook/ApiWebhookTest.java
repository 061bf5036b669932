package io.parley.ingest.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.contracts.EventEnvelope;
import io.parley.contracts.EventTypes;
import io.parley.contracts.InboundMessage;
import io.parley.contracts.WebhookSignature;
import io.parley.ingest.channel.api.ApiChannelAdapter;
import io.parley.stack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiWebhookTest extends WebhookTestSupport {
    String inbox;

    @BeforeEach
    void createInbox() {
        inbox = createInbox("api", null);
    }

    @Test
    void acceptsSignedWebhookAndPublishesNormalisedEventKeyedByConversation() {
        String body =
                "{\"messageId\":\"m-1\",\"sender\":{\"id\":\"cust-42\",\"name\":\"Ana\"},\"text\":\"My order is late\"}";

        signed(body).statusCode(202).body("status", equalTo("accepted")).body("eventId", notNullValue());

        EventEnvelope event = awaitEvents(inbox, 1).get(0);
        assertEquals(EventTypes.MESSAGE_INBOUND, event.type());
        assertEquals(inbox + ":cust-42", event.aggregateId());
        InboundMessage message = payloads(List.of(event), EventTypes.MESSAGE_INBOUND, InboundMessage.class)
                .get(0);
        assertEquals("api", message.channel());
        assertEquals("support", message.team());
        assertEquals("cust-42", message.threadKey());
        assertEquals("Ana", message.contact().displayName());
        assertEquals("My order is late", message.text());
    }

    @Test
    void verifiesSignatureOnRawBytesOfNonAsciiBody() {
        String body =
                "{\"messageId\":\"m-ü\",\"sender\":{\"id\":\"cust-7\",\"name\":\"Zoë\"},\"text\":\"Grüße 👋 — ¿dónde está mi pedido?\"}";

        signed(body).statusCode(202);

        InboundMessage message = payloads(awaitEvents(inbox, 1), EventTypes.MESSAGE_INBOUND, InboundMessage.class)
                .get(0);
        assertEquals("Grüße 👋 — ¿dónde está mi pedido?", message.text());
        assertEquals("Zoë", message.contact().displayName());
    }

    @Test
    void rejectsForgedSignatureAndPublishesNothing() {
        String body = "{\"messageId\":\"m-forged\",\"sender\":{\"id\":\"cust-1\"},\"text\":\"transfer money\"}";

        post(body, WebhookSignature.sign("not-the-inbox-secret-at-all!", bytes(body)))
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("detail", containsString("signature"));
        // A signature over other bytes (one space more) must fail too.
        post(body, WebhookSignature.sign(SECRET, bytes(body + " "))).statusCode(401);

        assertEquals(0, countAfterMarker("m-forged"));
    }

    @Test
    void rejectsMissingSignature() {
        String body = "{\"messageId\":\"m-unsigned\",\"sender\":{\"id\":\"cust-1\"},\"text\":\"hi\"}";

        post(body, null).statusCode(401).contentType("application/problem+json");

        assertEquals(0, countAfterMarker("m-unsigned"));
    }

    @Test
    void redeliveredWebhookYieldsOneEvent() {
        String body = "{\"messageId\":\"m-dup\",\"sender\":{\"id\":\"cust-9\"},\"text\":\"hello twice\"}";

        String first = signed(body).statusCode(202).extract().path("eventId");
        signed(body).statusCode(200).body("status", equalTo("duplicate")).body("eventId", equalTo(first));

        assertEquals(1, countAfterMarker("m-dup"));
    }

    /**
     * Deliveries arriving together are claimed in shared statements: every one must still get its own answer, and a
     * message redelivered concurrently with itself is claimed by exactly one of the two requests.
     */
    @Test
    void concurrentRedeliveriesAreClaimedOnceEach() throws Exception {
        int messages = 24;
        List<String> bodies = new java.util.ArrayList<>();
        for (int i = 0; i < messages; i++) {
            String body = "{\"messageId\":\"m-race-" + i + "\",\"sender\":{\"id\":\"cust-r" + i + "\"},\"text\":\"race "
                    + i + "\"}";
            bodies.add(body);
            bodies.add(body);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<Integer>> answers = pool.invokeAll(bodies.stream()
                    .<java.util.concurrent.Callable<Integer>>map(
                            body -> () -> signed(body).extract().statusCode())
                    .toList());
            Map<Integer, Long> byStatus = new java.util.HashMap<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                byStatus.merge(answer.get(), 1L, Long::sum);
            }
            assertEquals(Map.of(202, (long) messages, 200, (long) messages), byStatus);
        } finally {
            pool.shutdown();
        }

        Map<String, Long> published =
                payloads(awaitEvents(inbox, messages), EventTypes.MESSAGE_INBOUND, InboundMessage.class).stream()
                        .collect(java.util.stream.Collectors.groupingBy(
                                InboundMessage::providerMessageId, java.util.stream.Collectors.counting()));
        assertEquals(messages, published.size());
        assertEquals(0, countAfterMarker("m-race-0") - 1);
    }

    @Test
    void overlongContentTypeIsArchivedNotRefused() {
        String body = "{\"messageId\":\"m-ct\",\"sender\":{\"id\":\"cust-ct\"},\"text\":\"hi\"}";
        String contentType = "application/json; note=" + "x".repeat(300);

        WebhookTestSupport.post("api", inbox, contentType, bytes(body), signature(body))
                .statusCode(202);
    }

    @Test
    void unknownInboxOrChannelIsNotFound() {
        String body = "{\"messageId\":\"m-x\",\"sender\":{\"id\":\"c\"},\"text\":\"hi\"}";
        WebhookTestSupport.post("api", "no-such-inbox", "application/json", bytes(body), signature(body))
                .statusCode(404)
                .contentType("application/problem+json");
        WebhookTestSupport.post("carrier-pigeon", inbox, "application/json", bytes(body), signature(body))
                .statusCode(404);
        // An existing inbox under another channel's URL is not found either.
        WebhookTestSupport.post("telegram", inbox, "application/json", bytes(body), signature(body))
                .statusCode(404);
    }

    @Test
    void malformedJsonIsBadRequestWithoutStackTrace() {
        String body = "{\"messageId\": \"m-bad\", \"sender\": ";
        signed(body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Bad Request"))
                .body(not(containsString("at io.")));
    }

    @Test
    void missingFieldsAreUnprocessable() {
        String body = "{\"text\":\"who am I?\"}";
        signed(body)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("messageId is required"))
                .body("detail", containsString("sender.id is required"));
    }

    @Test
    void wrongContentTypeIsUnsupported() {
        WebhookTestSupport.post("api", inbox, "text/plain", bytes("hello"), signature("hello"))
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void oversizedBodyIsRefused() {
        byte[] body = new byte[1024 * 1024 + 10];
        java.util.Arrays.fill(body, (byte) 'a');
        WebhookTestSupport.post(
                        "api",
                        inbox,
                        "application/json",
                        body,
                        Map.of(ApiChannelAdapter.SIGNATURE_HEADER, WebhookSignature.sign(SECRET, body)))
                .statusCode(413);
    }

    @Test
    void inboxApiNeverShowsSecrets() {
        given().auth()
                .oauth2(Tokens.of("dave"))
                .get("/inboxes/" + inbox)
                .then()
                .statusCode(200)
                .body("secretSet", equalTo(true))
                .body("webhookPath", equalTo("/webhooks/api/" + inbox))
                .body(not(containsString(SECRET)))
                .body(not(containsString(VERIFY_TOKEN)));
    }

    private ValidatableResponse signed(String body) {
        return post(body, WebhookSignature.sign(SECRET, bytes(body)));
    }

    private ValidatableResponse post(String body, String signature) {
        Map<String, String> headers =
                signature == null ? Map.of() : Map.of(ApiChannelAdapter.SIGNATURE_HEADER, signature);
        return WebhookTestSupport.post("api", inbox, "application/json", bytes(body), headers);
    }

    private static Map<String, String> signature(String body) {
        return Map.of(ApiChannelAdapter.SIGNATURE_HEADER, WebhookSignature.sign(SECRET, bytes(body)));
    }

    /** Publishing a marker afterwards proves the topic was read past anything the earlier requests produced. */
    private long countAfterMarker(String providerMessageId) {
        String marker = "marker-" + UUID.randomUUID();
        signed("{\"messageId\":\"" + marker + "\",\"sender\":{\"id\":\"cust-m\"},\"text\":\"marker\"}")
                .statusCode(202);
        List<EventEnvelope> events = awaitEvents(
                inbox,
                list -> payloads(list, EventTypes.MESSAGE_INBOUND, InboundMessage.class).stream()
                        .anyMatch(m -> marker.equals(m.providerMessageId())));
        return payloads(events, EventTypes.MESSAGE_INBOUND, InboundMessage.class).stream()
                .filter(m -> providerMessageId.equals(m.providerMessageId()))
                .count();
    }
}
