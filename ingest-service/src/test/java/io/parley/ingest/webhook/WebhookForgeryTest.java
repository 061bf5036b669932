package io.parley.ingest.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.parley.contracts.EventTypes;
import io.parley.contracts.InboundMessage;
import io.parley.contracts.WebhookSignature;
import io.parley.ingest.channel.api.ApiChannelAdapter;
import io.parley.ingest.channel.x.XAdapter;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What an attacker who can reach the webhook port but holds no inbox secret tries, and what they get. */
@QuarkusTest
class WebhookForgeryTest extends WebhookTestSupport {
    static final String FORGED_DM = "{\"for_user_id\":\"4337869213\",\"direct_message_events\":[{\"type\":"
            + "\"message_create\",\"id\":\"1\",\"created_timestamp\":\"1516403560557\",\"message_create\":{"
            + "\"target\":{\"recipient_id\":\"4337869213\"},\"sender_id\":\"666\",\"message_data\":{\"text\":\"pay me\"}}}]}";

    /** The CRC handshake signs with the POST path's key and scheme: it must not sign an event body. */
    @Test
    void theXHandshakeIsNoSigningOracle() {
        String inbox = createInbox("x", "4337869213");
        given().queryParam("crc_token", FORGED_DM)
                .get("/webhooks/x/" + inbox)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("crc_token", "a".repeat(300))
                .get("/webhooks/x/" + inbox)
                .then()
                .statusCode(400);
    }

    /** Whatever a well-shaped token is signed as, that signature never gets a body accepted. */
    @ParameterizedTest
    @ValueSource(strings = {"AAAA", "123", "true", "null", "e30", "eyJmb3JfdXNlcl9pZCI6IjEifQ", "x-y_z=="})
    void whatTheHandshakeSignsIsNeverAnAcceptedBody(String token) {
        String inbox = createInbox("x", "4337869213");
        String answer = given().queryParam("crc_token", token)
                .get("/webhooks/x/" + inbox)
                .then()
                .statusCode(200)
                .extract()
                .path("response_token");
        int status = WebhookTestSupport.post(
                        "x",
                        inbox,
                        "application/json",
                        token.getBytes(StandardCharsets.UTF_8),
                        Map.of(XAdapter.SIGNATURE_HEADER, answer))
                .contentType("application/problem+json")
                .extract()
                .statusCode();
        assertEquals(400, status, "the handshake's answer was taken as a signature of " + token);
    }

    @Test
    void aWhatsAppDeliveryForAnotherPhoneNumberIsRefused() {
        String inbox = createInbox("whatsapp", "another-phone-number-id");
        signedByMeta("whatsapp", inbox, fixture("whatsapp/text-and-status-batch.json"))
                .statusCode(422)
                .contentType("application/problem+json");
    }

    /** One app secret, two pages: page B's customer never lands in page A's inbox. */
    @Test
    void messengerEntriesForAnotherPageAreDropped() {
        String inbox = createInbox("messenger", "PAGE_A");
        String body = "{\"object\":\"page\",\"entry\":[" + entry("PAGE_A", "PSID_A", "m_a_" + inbox, "Hello from A")
                + "," + entry("PAGE_B", "PSID_B", "m_b_" + inbox, "Hello from B") + "]}";

        signedByMeta("messenger", inbox, body.getBytes(StandardCharsets.UTF_8))
                .statusCode(200)
                .body("accepted", equalTo(1));

        List<InboundMessage> messages =
                payloads(awaitEvents(inbox, 1), EventTypes.MESSAGE_INBOUND, InboundMessage.class);
        assertEquals(
                List.of("Hello from A"),
                messages.stream().map(InboundMessage::text).toList());

        String onlyB =
                "{\"object\":\"page\",\"entry\":[" + entry("PAGE_B", "PSID_B", "m_b2_" + inbox, "B again") + "]}";
        signedByMeta("messenger", inbox, onlyB.getBytes(StandardCharsets.UTF_8)).statusCode(422);
    }

    @Test
    void aBodyOverTheLimitIsAProblem() {
        String inbox = createInbox("api", null);
        byte[] body = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        int status = WebhookTestSupport.post(
                        "api",
                        inbox,
                        "application/json",
                        body,
                        Map.of(ApiChannelAdapter.SIGNATURE_HEADER, WebhookSignature.sign(SECRET, body)))
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .extract()
                .statusCode();
        assertNotEquals(200, status);
    }

    private static String entry(String page, String customer, String mid, String text) {
        return "{\"id\":\"" + page + "\",\"time\":1749416383000,\"messaging\":[{\"sender\":{\"id\":\"" + customer
                + "\"},\"recipient\":{\"id\":\"" + page + "\"},\"timestamp\":1749416383000,\"message\":{\"mid\":\""
                + mid + "\",\"text\":\"" + text + "\"}}]}";
    }
}
