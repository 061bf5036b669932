package io.parley.ingest.webhook;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.parley.contracts.EventTypes;
import io.parley.contracts.InboundMessage;
import io.parley.ingest.channel.telegram.TelegramAdapter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TelegramWebhookTest extends WebhookTestSupport {
    String inbox;

    @BeforeEach
    void createInbox() {
        inbox = createInbox("telegram", null);
    }

    @Test
    void textCommandEditAndMediaMessages() {
        withToken(SECRET, "telegram/text-message.json").statusCode(200).body("accepted", equalTo(1));
        withToken(SECRET, "telegram/start-command.json").statusCode(200);
        withToken(SECRET, "telegram/edited-message.json").statusCode(200);
        withToken(SECRET, "telegram/photo-document-voice.json").statusCode(200);

        List<InboundMessage> messages =
                payloads(awaitEvents(inbox, 4), EventTypes.MESSAGE_INBOUND, InboundMessage.class);
        InboundMessage text = messages.get(0);
        assertEquals("Здравствуйте! Где мой заказ?", text.text());
        assertEquals("Ирина Петрова", text.contact().displayName());
        assertEquals("1111111", text.threadKey());
        assertEquals("1111111:1365", text.providerMessageId());
        assertFalse(text.publicPost());
        assertEquals(InboundMessage.Kind.COMMAND, messages.get(1).kind());
        InboundMessage edit = messages.get(2);
        assertEquals(InboundMessage.Kind.EDIT, edit.kind());
        assertEquals("1111111:1365", edit.target());
        assertEquals("Здравствуйте! Где мой заказ №1042?", edit.text());
        InboundMessage media = messages.get(3);
        assertEquals(InboundMessage.Kind.MEDIA, media.kind());
        assertEquals("Broken on arrival", media.text());
        assertEquals("1111111:1365", media.replyTo());
        assertEquals(
                List.of("image", "document", "voice"),
                media.attachments().stream()
                        .map(InboundMessage.Attachment::kind)
                        .toList());
        assertEquals("AgAD-large", media.attachments().get(0).providerId(), "the largest photo size");
    }

    @Test
    void redeliveredUpdateIsADuplicate() {
        withToken(SECRET, "telegram/text-message.json").statusCode(200).body("status", equalTo("accepted"));
        withToken(SECRET, "telegram/text-message.json").statusCode(200).body("status", equalTo("duplicate"));
    }

    @Test
    void wrongOrMissingSecretTokenIsRejected() {
        withToken("not-the-token", "telegram/text-message.json")
                .statusCode(401)
                .contentType("application/problem+json");
        WebhookTestSupport.post("telegram", inbox, "application/json", fixture("telegram/text-message.json"), Map.of())
                .statusCode(401);
    }

    @Test
    void somethingThatIsNotAnUpdateIsUnprocessable() {
        WebhookTestSupport.post(
                        "telegram",
                        inbox,
                        "application/json",
                        bytes("{\"message\":{}}"),
                        Map.of(TelegramAdapter.SECRET_HEADER, SECRET))
                .statusCode(422);
    }

    private ValidatableResponse withToken(String token, String fixture) {
        return WebhookTestSupport.post(
                "telegram", inbox, "application/json", fixture(fixture), Map.of(TelegramAdapter.SECRET_HEADER, token));
    }
}
