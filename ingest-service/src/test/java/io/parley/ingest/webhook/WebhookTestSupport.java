package io.parley.ingest.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.parley.contracts.EventCodec;
import io.parley.contracts.EventEnvelope;
import io.parley.contracts.Topics;
import io.parley.stack.testing.Tokens;
import io.parley.stack.testing.TopicProbe;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Real HTTP into the service, real events read back from the broker; each test gets its own inbox. */
abstract class WebhookTestSupport {
    static final String SECRET = "a-test-secret-of-32-characters!!";
    static final String VERIFY_TOKEN = "verify-me-please";

    TopicProbe topic;

    @BeforeEach
    void openProbe() {
        topic = new TopicProbe(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), Topics.INBOUND_MESSAGES);
    }

    @AfterEach
    void closeProbe() {
        topic.close();
    }

    static String createInbox(String channel, String accountId) {
        String id = channel + "-" + UUID.randomUUID().toString().substring(0, 8);
        String account = accountId == null ? "null" : "\"" + accountId + "\"";
        given().auth()
                .oauth2(Tokens.of("dave"))
                .contentType("application/json")
                .body("{\"channel\":\"" + channel + "\",\"name\":\"Test " + channel + "\",\"team\":\"support\","
                        + "\"secret\":\"" + SECRET + "\",\"verifyToken\":\"" + VERIFY_TOKEN + "\",\"accountId\":"
                        + account + "}")
                .put("/inboxes/" + id)
                .then()
                .statusCode(200);
        return id;
    }

    static byte[] fixture(String path) {
        try (InputStream in = WebhookTestSupport.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ValidatableResponse post(
            String channel, String inbox, String contentType, byte[] body, Map<String, String> headers) {
        RequestSpecification request = given().contentType(contentType).body(body);
        headers.forEach(request::header);
        return request.post("/webhooks/" + channel + "/" + inbox).then();
    }

    /** A delivery signed with the test app secret, as Meta signs them (X-Hub-Signature-256). */
    static ValidatableResponse signedByMeta(String channel, String inbox, byte[] body) {
        return post(
                channel,
                inbox,
                "application/json",
                body,
                Map.of(
                        io.parley.ingest.channel.meta.MetaAdapter.SIGNATURE_HEADER,
                        io.parley.contracts.WebhookSignature.sign(SECRET, body)));
    }

    /** Waits until the inbox's events on the topic satisfy the condition, then returns them in topic order. */
    List<EventEnvelope> awaitEvents(String inbox, Predicate<List<EventEnvelope>> until) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> events(inbox), until);
    }

    List<EventEnvelope> awaitEvents(String inbox, int count) {
        return awaitEvents(inbox, events -> events.size() >= count);
    }

    List<EventEnvelope> events(String inbox) {
        return topic.records().stream()
                .filter(r -> r.key() != null && r.key().startsWith(inbox + ":"))
                .map(r -> EventCodec.decode(r.value()))
                .toList();
    }

    static <T> List<T> payloads(List<EventEnvelope> events, String type, Class<T> payloadType) {
        return events.stream()
                .filter(e -> type.equals(e.type()))
                .map(e -> EventCodec.payload(e, payloadType))
                .toList();
    }

    static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
