package io.parley.ingest.intake;

import static io.restassured.RestAssured.given;

import io.parley.contracts.EventCodec;
import io.parley.contracts.EventEnvelope;
import io.parley.contracts.InboundMessage;
import io.parley.contracts.WebhookSignature;
import io.parley.ingest.channel.api.ApiChannelAdapter;
import io.parley.stack.testing.Tokens;
import io.parley.stack.testing.TopicProbe;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An API-channel inbox for the intake tests: created through ingest's API, posted to with real signatures. */
record ApiInbox(String id, String secret) {

    static ApiInbox create(String prefix, String secret) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(Tokens.of("dave"))
                .contentType("application/json")
                .body("{\"channel\":\"api\",\"name\":\"" + prefix + "\",\"team\":\"support\",\"secret\":\"" + secret
                        + "\"}")
                .put("/inboxes/" + id)
                .then()
                .statusCode(200);
        return new ApiInbox(id, secret);
    }

    /** Always the same sender: one partition, so the topic keeps the order of the posts. */
    ValidatableResponse post(String messageId) {
        byte[] body = ("{\"messageId\":\"" + messageId + "\",\"sender\":{\"id\":\"cust-1\"},\"text\":\"" + messageId
                        + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        return given().contentType("application/json")
                .header(ApiChannelAdapter.SIGNATURE_HEADER, WebhookSignature.sign(secret, body))
                .body(body)
                .post("/webhooks/api/" + id)
                .then();
    }

    List<EventEnvelope> events(TopicProbe topic) {
        return topic.records().stream()
                .filter(r -> r.key().startsWith(id + ":"))
                .map(r -> EventCodec.decode(r.value()))
                .toList();
    }

    /** Provider message id → how many times the inboxes' events carry it on the topic. */
    static Map<String, Long> publishedCounts(TopicProbe topic, ApiInbox... inboxes) {
        return Arrays.stream(inboxes)
                .flatMap(inbox -> inbox.events(topic).stream())
                .map(event -> EventCodec.payload(event, InboundMessage.class).providerMessageId())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
