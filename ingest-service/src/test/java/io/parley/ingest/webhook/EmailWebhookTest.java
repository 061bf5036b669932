package io.parley.ingest.webhook;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contracts.EventTypes;
import io.parley.contracts.InboundMessage;
import io.parley.ingest.channel.email.EmailAdapter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class EmailWebhookTest extends WebhookTestSupport {
    String inbox;

    @BeforeEach
    void createInbox() {
        inbox = createInbox("email", null);
    }

    @Test
    void plainTextWithEncodedHeadersAndQuotedPrintableBody() {
        relay("email/plain.eml").statusCode(200).body("accepted", equalTo(1));

        InboundMessage mail = only();
        assertEquals("ana@example.com", mail.contact().sourceId());
        assertEquals("Ana María López", mail.contact().displayName());
        assertEquals("Pedido nº 1042 no llegó", mail.subject());
        assertTrue(mail.text().contains("todavía no llegó. ¿Pueden revisarlo?"));
        assertEquals("CAF1042.ana@mail.example.com", mail.providerMessageId());
        assertEquals("CAF1042.ana@mail.example.com", mail.threadKey());
        assertFalse(mail.autoReply());
    }

    @Test
    void htmlOnlyMailBecomesReadableText() {
        relay("email/html-only.eml").statusCode(200);

        String text = only().text();
        assertTrue(text.contains("The app crashes when I upload a photo."), text);
        assertTrue(text.contains("1. Open & tap upload"), text);
        assertFalse(text.contains("alert(1)") || text.contains("color: red") || text.contains("<"), text);
    }

    @Test
    void attachmentsAndInlineImagesAreListed() {
        relay("email/attachments-inline.eml").statusCode(200);

        InboundMessage mail = only();
        assertEquals("See the photo below and the invoice attached.", mail.text());
        assertEquals(InboundMessage.Kind.MEDIA, mail.kind());
        assertEquals(
                List.of(
                        new InboundMessage.Attachment(
                                "inline-image", null, "photo1@example.fr", "damage.png", "image/png"),
                        new InboundMessage.Attachment("file", null, null, "invoice-1042.pdf", "application/pdf")),
                mail.attachments());
    }

    @Test
    void latin1ReplyIsDecodedAndThreadedOnTheRootReference() {
        relay("email/latin1-reply.eml").statusCode(200);

        InboundMessage mail = only();
        assertEquals("Rückerstattung für Bestellung", mail.subject());
        assertEquals("Grüße, ich möchte eine Rückerstattung für meine Bestellung.", mail.text());
        assertEquals("Jörg Müller", mail.contact().displayName());
        assertEquals("root-thread-1@example.de", mail.threadKey());
        assertEquals("reply-from-acme-1@acme.test", mail.replyTo());
    }

    @Test
    void autoRepliesAndBouncesAreFlagged() {
        relay("email/auto-reply.eml").statusCode(200);
        relay("email/bounce.eml").statusCode(200);

        List<InboundMessage> mails = payloads(awaitEvents(inbox, 2), EventTypes.MESSAGE_INBOUND, InboundMessage.class);
        assertTrue(mails.get(0).autoReply(), "Auto-Submitted: auto-replied");
        assertTrue(mails.get(1).autoReply(), "a delivery-status report from the mailer daemon");
    }

    @Test
    void basicAuthWithTheInboxSecretAlsoWorks() {
        String basic = Base64.getEncoder().encodeToString(("relay:" + SECRET).getBytes(StandardCharsets.UTF_8));
        WebhookTestSupport.post(
                        "email",
                        inbox,
                        "message/rfc822",
                        fixture("email/plain.eml"),
                        Map.of("Authorization", "Basic " + basic))
                .statusCode(200);
        String wrong = Base64.getEncoder().encodeToString("relay:nope".getBytes(StandardCharsets.UTF_8));
        WebhookTestSupport.post(
                        "email",
                        inbox,
                        "message/rfc822",
                        fixture("email/plain.eml"),
                        Map.of("Authorization", "Basic " + wrong))
                .statusCode(401);
        WebhookTestSupport.post("email", inbox, "message/rfc822", fixture("email/plain.eml"), Map.of())
                .statusCode(401);
    }

    @Test
    void notAMailIsBadRequestAndJsonIsUnsupported() {
        WebhookTestSupport.post(
                        "email",
                        inbox,
                        "message/rfc822",
                        bytes("just some words"),
                        Map.of(EmailAdapter.RELAY_SECRET_HEADER, SECRET))
                .statusCode(400)
                .contentType("application/problem+json");
        WebhookTestSupport.post(
                        "email",
                        inbox,
                        "application/json",
                        bytes("{}"),
                        Map.of(EmailAdapter.RELAY_SECRET_HEADER, SECRET))
                .statusCode(415);
    }

    private InboundMessage only() {
        return payloads(awaitEvents(inbox, 1), EventTypes.MESSAGE_INBOUND, InboundMessage.class)
                .get(0);
    }

    /** Only what the relay authenticated for the From domain verifies the sender; a bare or forged From does not. */
    @ParameterizedTest(name = "{0} → verified {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "|false",
                "mx.acme.test; dmarc=pass (p=reject) header.from=example.org|true",
                "mx.acme.test; dkim=pass header.d=example.org header.s=s1; spf=pass|true",
                "mx.acme.test; dkim=pass header.d=mail.example.org|false",
                "mx.acme.test; dmarc=fail header.from=example.org; dkim=pass header.d=attacker.test|false",
                "mx.acme.test; dmarc=pass header.from=attacker.test|false",
                "mx.acme.test; spf=pass smtp.mailfrom=example.org|false"
            })
    void theSenderIsVerifiedOnlyByTheRelaysAuthenticationResults(String results, boolean verified) {
        String mail = (results == null ? "" : "Authentication-Results: " + results + "\r\n")
                + "From: Ana <ana@example.org>\r\nTo: support@acme.test\r\nSubject: Hi\r\nMessage-ID: <auth-"
                + java.util.UUID.randomUUID() + "@example.org>\r\nContent-Type: text/plain\r\n\r\nHello\r\n";
        WebhookTestSupport.post(
                        "email",
                        inbox,
                        "message/rfc822",
                        mail.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        Map.of(EmailAdapter.RELAY_SECRET_HEADER, SECRET))
                .statusCode(200);

        InboundMessage message = only();
        assertEquals("ana@example.org", message.contact().sourceId());
        assertEquals(verified, message.contact().verified());
    }

    private ValidatableResponse relay(String fixture) {
        return WebhookTestSupport.post(
                "email", inbox, "message/rfc822", fixture(fixture), Map.of(EmailAdapter.RELAY_SECRET_HEADER, SECRET));
    }
}
