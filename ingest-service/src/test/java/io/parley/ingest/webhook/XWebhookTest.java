package io.parley.ingest.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contracts.EventTypes;
import io.parley.contracts.InboundMessage;
import io.parley.contracts.WebhookSignature;
import io.parley.ingest.channel.x.XAdapter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class XWebhookTest extends WebhookTestSupport {
    String inbox;

    @BeforeEach
    void createInbox() {
        inbox = createInbox("x", "4337869213");
    }

    @Test
    void answersTheChallengeResponseCheck() {
        String expected = "sha256="
                + Base64.getEncoder()
                        .encodeToString(
                                WebhookSignature.hmacSha256(SECRET, "crc-123".getBytes(StandardCharsets.UTF_8)));
        given().queryParam("crc_token", "crc-123")
                .get("/webhooks/x/" + inbox)
                .then()
                .statusCode(200)
                .body("response_token", equalTo(expected));
        given().get("/webhooks/x/" + inbox).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void directMessagesArePrivateAndTheAccountsOwnAreIgnored() {
        signed(fixture("x/direct-messages.json")).statusCode(200).body("accepted", equalTo(1));

        InboundMessage dm = payloads(awaitEvents(inbox, 1), EventTypes.MESSAGE_INBOUND, InboundMessage.class)
                .get(0);
        assertEquals("Hello World! ¿Me ayudan?", dm.text());
        assertEquals("dm:3001969357", dm.threadKey());
        assertEquals("Jordan Brinks", dm.contact().displayName());
        assertFalse(dm.publicPost());
        assertEquals(1516403560557L, dm.sentAt().toEpochMilli());
    }

    @Test
    void mentionsAndRepliesArePublicAndThreadedOnTheTweetAnswered() {
        signed(fixture("x/mention-and-reply.json")).statusCode(200).body("accepted", equalTo(2));

        List<InboundMessage> tweets = payloads(awaitEvents(inbox, 2), EventTypes.MESSAGE_INBOUND, InboundMessage.class);
        InboundMessage mention = tweets.get(0);
        InboundMessage reply = tweets.get(1);
        assertTrue(mention.publicPost(), "agents must know a reply will be public");
        assertEquals("tweet:1050118621198921728", mention.threadKey());
        assertEquals("tweet:1050118621198921728", reply.threadKey());
        assertEquals("tweet:1050118621198921728", reply.replyTo());
        assertTrue(reply.text().endsWith("nobody answers the phone"), "the full text of an extended tweet");
    }

    @Test
    void eventsForAnotherAccountAreUnprocessable() {
        String other = createInbox("x", "999");
        WebhookTestSupport.post(
                        "x",
                        other,
                        "application/json",
                        fixture("x/direct-messages.json"),
                        Map.of(XAdapter.SIGNATURE_HEADER, signature(fixture("x/direct-messages.json"))))
                .statusCode(422);
    }

    @Test
    void hexOrForgedSignaturesAreRejected() {
        byte[] body = fixture("x/direct-messages.json");
        WebhookTestSupport.post(
                        "x",
                        inbox,
                        "application/json",
                        body,
                        Map.of(XAdapter.SIGNATURE_HEADER, WebhookSignature.sign(SECRET, body)))
                .statusCode(401);
        WebhookTestSupport.post("x", inbox, "application/json", body, Map.of()).statusCode(401);
    }

    private ValidatableResponse signed(byte[] body) {
        return WebhookTestSupport.post(
                "x", inbox, "application/json", body, Map.of(XAdapter.SIGNATURE_HEADER, signature(body)));
    }

    private static String signature(byte[] body) {
        return "sha256=" + Base64.getEncoder().encodeToString(WebhookSignature.hmacSha256(SECRET, body));
    }
}
