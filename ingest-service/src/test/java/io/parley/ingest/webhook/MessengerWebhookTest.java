package io.parley.ingest.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contracts.EventEnvelope;
import io.parley.contracts.EventTypes;
import io.parley.contracts.InboundMessage;
import io.parley.contracts.MessageStatus;
import io.parley.ingest.channel.meta.MetaAdapter;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Messenger and Instagram share Messenger's event format. */
@QuarkusTest
class MessengerWebhookTest extends WebhookTestSupport {

    @Test
    void messagesEchoesAttachmentsQuickRepliesStandbyAndReceipts() {
        String inbox = createInbox("messenger", "PAGE_ID_1");

        signedByMeta("messenger", inbox, fixture("messenger/text-echo-attachments.json"))
                .statusCode(200)
                .body("accepted", equalTo(8));

        List<EventEnvelope> events = awaitEvents(inbox, 8);
        Map<String, InboundMessage> byId = new HashMap<>();
        payloads(events, EventTypes.MESSAGE_INBOUND, InboundMessage.class)
                .forEach(m -> byId.put(m.providerMessageId(), m));

        InboundMessage text = byId.get("m_text_1");
        assertEquals("Bonjour, où est ma commande ? 🙏", text.text());
        assertEquals("PSID_CUSTOMER_1", text.threadKey());
        assertFalse(text.echo());
        InboundMessage echo = byId.get("m_echo_1");
        assertTrue(echo.echo(), "the page's own message is recorded as outgoing");
        assertEquals("PSID_CUSTOMER_1", echo.threadKey(), "an echo belongs to the customer's thread");
        assertEquals(2, byId.get("m_attach_1").attachments().size());
        assertEquals(
                "https://scontent.xx.fbcdn.net/v/photo.jpg",
                byId.get("m_attach_1").attachments().get(0).url());
        assertEquals(InboundMessage.Kind.INTERACTIVE, byId.get("m_quick_1").kind());
        assertEquals("m_text_1", byId.get("m_reply_1").replyTo());
        assertEquals("PSID_CUSTOMER_2", byId.get("m_standby_1").threadKey());

        List<MessageStatus> statuses = payloads(events, EventTypes.MESSAGE_STATUS, MessageStatus.class);
        assertEquals(
                List.of(MessageStatus.DELIVERED, MessageStatus.READ),
                statuses.stream().map(MessageStatus::status).toList());
        assertEquals("m_echo_1", statuses.get(0).providerMessageId());
    }

    @Test
    void instagramMessagesAndUnsentMessages() {
        String inbox = createInbox("instagram", "IG_ACCOUNT_ID");

        signedByMeta("instagram", inbox, fixture("instagram/text-and-deleted.json"))
                .statusCode(200)
                .body("accepted", equalTo(2));

        List<InboundMessage> messages =
                payloads(awaitEvents(inbox, 2), EventTypes.MESSAGE_INBOUND, InboundMessage.class);
        assertEquals(
                "Is this jacket still available in size S? 😍", messages.get(0).text());
        assertEquals("instagram", messages.get(0).channel());
        assertEquals(InboundMessage.Kind.DELETE, messages.get(1).kind());
        assertEquals(messages.get(0).providerMessageId(), messages.get(1).target());
    }

    @Test
    void aMessengerPayloadIsNotAnInstagramOne() {
        String inbox = createInbox("instagram", "PAGE_ID_1");
        signedByMeta("instagram", inbox, fixture("messenger/text-echo-attachments.json"))
                .statusCode(422);
    }

    @Test
    void handshakeAndSignatureAreMetas() {
        String inbox = createInbox("messenger", "PAGE_ID_1");
        given().queryParam("hub.mode", "subscribe")
                .queryParam("hub.verify_token", VERIFY_TOKEN)
                .queryParam("hub.challenge", "abc")
                .get("/webhooks/messenger/" + inbox)
                .then()
                .statusCode(200)
                .body(equalTo("abc"));
        byte[] body = fixture("messenger/text-echo-attachments.json");
        WebhookTestSupport.post(
                        "messenger",
                        inbox,
                        "application/json",
                        body,
                        Map.of(MetaAdapter.SIGNATURE_HEADER, "sha256=" + "0".repeat(64)))
                .statusCode(401);
    }
}
