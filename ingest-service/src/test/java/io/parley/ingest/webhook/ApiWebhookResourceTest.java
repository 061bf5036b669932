package io.parley.ingest.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.contracts.EventCodec;
import io.parley.contracts.EventEnvelope;
import io.parley.contracts.EventTypes;
import io.parley.contracts.InboundMessage;
import io.parley.contracts.Topics;
import io.parley.contracts.WebhookSignature;
import io.parley.stack.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiWebhookResourceTest {
    static final String SECRET = "a-test-secret-of-32-characters!!";

    String inboxId;
    TopicProbe topic;

    @BeforeEach
    void createInbox() {
        inboxId = "api-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON)
                .body("{\"channel\":\"api\",\"name\":\"Website form\",\"team\":\"support\",\"secret\":\"" + SECRET
                        + "\"}")
                .put("/inboxes/" + inboxId)
                .then()
                .statusCode(200)
                .body("secret", equalTo(null));
        topic = new TopicProbe(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), Topics.INBOUND_MESSAGES);
    }

    @AfterEach
    void closeProbe() {
        topic.close();
    }

    @Test
    void acceptsSignedWebhookAndPublishesNormalisedEventKeyedByConversation() {
        String body =
                "{\"messageId\":\"m-1\",\"sender\":{\"id\":\"cust-42\",\"name\":\"Ana\"},\"text\":\"My order is late\"}";

        post(body, WebhookSignature.sign(SECRET, bytes(body)))
                .statusCode(202)
                .body("status", equalTo("accepted"))
                .body("eventId", notNullValue());

        ConsumerRecord<String, String> record = awaitOne("m-1");
        assertEquals(inboxId + ":cust-42", record.key());
        EventEnvelope envelope = EventCodec.decode(record.value());
        assertEquals(EventTypes.MESSAGE_INBOUND, envelope.type());
        InboundMessage message = EventCodec.payload(envelope, InboundMessage.class);
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

        post(body, WebhookSignature.sign(SECRET, bytes(body))).statusCode(202);

        InboundMessage message =
                EventCodec.payload(EventCodec.decode(awaitOne("m-ü").value()), InboundMessage.class);
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
                .body("detail", containsString("does not match"));
        // The same body with a signature over different bytes must fail too.
        post(body, WebhookSignature.sign(SECRET, bytes(body + " "))).statusCode(401);

        assertNothingPublishedFor("m-forged");
    }

    @Test
    void rejectsMissingSignature() {
        String body = "{\"messageId\":\"m-unsigned\",\"sender\":{\"id\":\"cust-1\"},\"text\":\"hi\"}";

        given().contentType(ContentType.JSON)
                .body(bytes(body))
                .post("/webhooks/api/" + inboxId)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("detail", containsString("Missing X-Parley-Signature"));

        assertNothingPublishedFor("m-unsigned");
    }

    @Test
    void redeliveredWebhookYieldsOneEvent() {
        String body = "{\"messageId\":\"m-dup\",\"sender\":{\"id\":\"cust-9\"},\"text\":\"hello twice\"}";
        String signature = WebhookSignature.sign(SECRET, bytes(body));

        String first = post(body, signature).statusCode(202).extract().path("eventId");
        post(body, signature)
                .statusCode(200)
                .body("status", equalTo("duplicate"))
                .body("eventId", equalTo(first));

        assertNothingMoreThanOnce("m-dup");
    }

    @Test
    void unknownInboxIsNotFound() {
        String body = "{\"messageId\":\"m-x\",\"sender\":{\"id\":\"c\"},\"text\":\"hi\"}";
        given().contentType(ContentType.JSON)
                .header(ApiWebhookResource.SIGNATURE_HEADER, WebhookSignature.sign(SECRET, bytes(body)))
                .body(bytes(body))
                .post("/webhooks/api/no-such-inbox")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void malformedJsonIsBadRequestWithoutStackTrace() {
        String body = "{\"messageId\": \"m-bad\", \"sender\": ";
        post(body, WebhookSignature.sign(SECRET, bytes(body)))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Bad Request"))
                .body(not(containsString("at io.")));
    }

    @Test
    void missingFieldsAreUnprocessable() {
        String body = "{\"text\":\"who am I?\"}";
        post(body, WebhookSignature.sign(SECRET, bytes(body)))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("messageId is required"))
                .body("detail", containsString("sender.id is required"));
    }

    @Test
    void wrongContentTypeIsUnsupported() {
        given().contentType(ContentType.TEXT)
                .header(ApiWebhookResource.SIGNATURE_HEADER, "sha256=00")
                .body("hello")
                .post("/webhooks/api/" + inboxId)
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void oversizedBodyIsRefused() {
        byte[] body = new byte[1024 * 1024 + 10];
        java.util.Arrays.fill(body, (byte) 'a');
        given().contentType(ContentType.JSON)
                .header(ApiWebhookResource.SIGNATURE_HEADER, WebhookSignature.sign(SECRET, body))
                .body(body)
                .post("/webhooks/api/" + inboxId)
                .then()
                .statusCode(413);
    }

    private ValidatableResponse post(String body, String signature) {
        return given().contentType(ContentType.JSON)
                .header(ApiWebhookResource.SIGNATURE_HEADER, signature)
                .body(bytes(body))
                .post("/webhooks/api/" + inboxId)
                .then();
    }

    private ConsumerRecord<String, String> awaitOne(String providerMessageId) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> recordsFor(providerMessageId, topic.records()), list -> !list.isEmpty())
                .get(0);
    }

    private void assertNothingPublishedFor(String providerMessageId) {
        assertEquals(0, countAfterMarker(providerMessageId));
    }

    private void assertNothingMoreThanOnce(String providerMessageId) {
        assertEquals(1, countAfterMarker(providerMessageId));
    }

    /** Publishing a marker afterwards proves the topic was read past anything the earlier requests produced. */
    private int countAfterMarker(String providerMessageId) {
        String marker = "marker-" + UUID.randomUUID();
        String body = "{\"messageId\":\"" + marker + "\",\"sender\":{\"id\":\"cust-m\"},\"text\":\"marker\"}";
        post(body, WebhookSignature.sign(SECRET, bytes(body))).statusCode(202);
        awaitOne(marker);
        return recordsFor(providerMessageId, topic.records()).size();
    }

    private List<ConsumerRecord<String, String>> recordsFor(
            String providerMessageId, List<ConsumerRecord<String, String>> records) {
        return records.stream()
                .filter(r -> r.key().startsWith(inboxId + ":"))
                .filter(r ->
                        providerMessageId.equals(EventCodec.payload(EventCodec.decode(r.value()), InboundMessage.class)
                                .providerMessageId()))
                .toList();
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
