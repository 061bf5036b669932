package io.parley.ingest.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.parley.contracts.EventEnvelope;
import io.parley.contracts.EventTypes;
import io.parley.contracts.InboundMessage;
import io.parley.contracts.MessageStatus;
import io.parley.contracts.WebhookSignature;
import io.parley.ingest.channel.meta.MetaAdapter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WhatsAppWebhookTest extends WebhookTestSupport {
    String inbox;

    @BeforeEach
    void createInbox() {
        inbox = createInbox("whatsapp", "106540352242922");
    }

    @Test
    void answersTheVerificationHandshakeOnlyWithTheRightToken() {
        given().queryParam("hub.mode", "subscribe")
                .queryParam("hub.verify_token", VERIFY_TOKEN)
                .queryParam("hub.challenge", "1158201444")
                .get("/webhooks/whatsapp/" + inbox)
                .then()
                .statusCode(200)
                .body(equalTo("1158201444"));
        given().queryParam("hub.mode", "subscribe")
                .queryParam("hub.verify_token", "guess")
                .queryParam("hub.challenge", "1158201444")
                .get("/webhooks/whatsapp/" + inbox)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().get("/webhooks/whatsapp/" + inbox).then().statusCode(400);
    }

    @Test
    void batchOfNonAsciiMessagesAndStatusesBecomesOneEventEach() {
        signed(fixture("whatsapp/text-and-status-batch.json")).statusCode(200).body("accepted", equalTo(3));

        List<EventEnvelope> events = awaitEvents(inbox, 3);
        List<InboundMessage> messages = payloads(events, EventTypes.MESSAGE_INBOUND, InboundMessage.class);
        assertEquals(2, messages.size());
        InboundMessage joao = messages.stream()
                .filter(m -> m.threadKey().equals("5511987654321"))
                .findFirst()
                .orElseThrow();
        assertEquals("Olá! Meu pedido nº 1042 não chegou 📦", joao.text());
        assertEquals("João Ñandú", joao.contact().displayName());
        assertEquals("whatsapp", joao.channel());
        assertEquals(1749416383L, joao.sentAt().getEpochSecond());
        InboundMessage sheena = messages.stream()
                .filter(m -> m.threadKey().equals("16505551234"))
                .findFirst()
                .orElseThrow();
        assertEquals("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0QzFBRUY5Mzc3RjlCMzA1RDYA", sheena.replyTo());

        MessageStatus status =
                payloads(events, EventTypes.MESSAGE_STATUS, MessageStatus.class).get(0);
        assertEquals(MessageStatus.DELIVERED, status.status());
        assertEquals(inbox + ":16505551234", status.conversationKey());
    }

    @Test
    void everyMessageTypeIsNormalised() {
        signed(fixture("whatsapp/media-location-interactive.json"))
                .statusCode(200)
                .body("accepted", equalTo(8));

        List<InboundMessage> messages =
                payloads(awaitEvents(inbox, 8), EventTypes.MESSAGE_INBOUND, InboundMessage.class);
        Map<String, InboundMessage> byId = new java.util.HashMap<>();
        messages.forEach(m -> byId.put(m.providerMessageId(), m));

        InboundMessage image = byId.get("wamid.IMAGE1");
        assertEquals(InboundMessage.Kind.MEDIA, image.kind());
        assertEquals("The damaged box", image.text());
        assertEquals(
                new InboundMessage.Attachment("image", null, "1003383421387256", null, "image/jpeg"),
                image.attachments().get(0));
        assertEquals(
                "invoice-1042.pdf", byId.get("wamid.DOC1").attachments().get(0).fileName());
        assertEquals("audio", byId.get("wamid.AUDIO1").attachments().get(0).kind());
        assertEquals("sticker", byId.get("wamid.STICKER1").attachments().get(0).kind());
        InboundMessage location = byId.get("wamid.LOC1");
        assertEquals(InboundMessage.Kind.LOCATION, location.kind());
        assertEquals(37.483307, location.location().latitude());
        assertEquals("Main store", location.location().name());
        assertEquals("Refund please", byId.get("wamid.BTN1").text());
        assertEquals(InboundMessage.Kind.INTERACTIVE, byId.get("wamid.LIST1").kind());
        assertEquals("Size M", byId.get("wamid.LIST1").text());
        assertEquals(InboundMessage.Kind.UNSUPPORTED, byId.get("wamid.UNSUP1").kind());
        assertEquals("Sheena Nelson", image.contact().displayName());
    }

    @Test
    void statusesIncludingFailuresAreMessageStatusEventsOncePerState() {
        signed(fixture("whatsapp/failed-status.json")).statusCode(200).body("accepted", equalTo(3));
        signed(fixture("whatsapp/failed-status.json")).statusCode(200).body("duplicates", equalTo(3));

        List<MessageStatus> statuses = payloads(awaitEvents(inbox, 3), EventTypes.MESSAGE_STATUS, MessageStatus.class);
        assertEquals(
                List.of("sent", "read", "failed"),
                statuses.stream().map(MessageStatus::status).toList());
        assertEquals("Re-engagement message", statuses.get(2).error());
        assertNull(statuses.get(0).error());
    }

    @Test
    void forgedSignatureIsRejected() {
        byte[] body = fixture("whatsapp/text-and-status-batch.json");
        WebhookTestSupport.post(
                        "whatsapp",
                        inbox,
                        "application/json",
                        body,
                        Map.of(MetaAdapter.SIGNATURE_HEADER, WebhookSignature.sign("forged-secret-forged", body)))
                .statusCode(401)
                .contentType("application/problem+json");
        WebhookTestSupport.post("whatsapp", inbox, "application/json", body, Map.of())
                .statusCode(401);
    }

    @Test
    void aPayloadOfAnotherProductIsUnprocessable() {
        signed(fixture("messenger/text-echo-attachments.json")).statusCode(422);
    }

    private ValidatableResponse signed(byte[] body) {
        return WebhookTestSupport.post(
                "whatsapp",
                inbox,
                "application/json",
                body,
                Map.of(MetaAdapter.SIGNATURE_HEADER, WebhookSignature.sign(SECRET, body)));
    }
}
