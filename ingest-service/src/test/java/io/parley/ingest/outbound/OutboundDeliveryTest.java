package io.parley.ingest.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.parley.contracts.EventCodec;
import io.parley.contracts.EventTypes;
import io.parley.contracts.OutboundMessage;
import io.parley.contracts.OutboundResult;
import io.parley.contracts.Topics;
import io.parley.contracts.WebhookSignature;
import io.parley.ingest.ChannelApisTestResource;
import io.parley.ingest.channel.meta.MetaAdapter;
import io.parley.stack.testing.Tokens;
import io.parley.stack.testing.TopicProbe;
import io.parley.stack.testing.TopicWriter;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replies go out through WireMock standing in for Meta, X and Telegram, and through a real SMTP server; every reply
 * comes back as exactly one delivered or failed result on the real broker.
 */
@QuarkusTest
class OutboundDeliveryTest {
    static final String SECRET = "outbound-test-secret-0123456789";

    WireMock channelApis;
    TopicWriter writer;
    TopicProbe results;
    String token;
    /** Everything the service logs during a test: it must never hold the inbox's secret or access token. */
    CapturedLog log;

    @BeforeEach
    void setUp() {
        log = CapturedLog.start();
        channelApis = new WireMock(
                "127.0.0.1", ConfigProvider.getConfig().getValue(ChannelApisTestResource.WIREMOCK_PORT, Integer.class));
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        writer = new TopicWriter(bootstrap);
        results = new TopicProbe(bootstrap, Topics.INBOUND_MESSAGES);
        token = "token-" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        writer.close();
        results.close();
        log.close();
        assertFalse(log.contains(token), "the access token was logged:\n" + log.text());
        assertFalse(log.contains(SECRET), "the inbox secret was logged:\n" + log.text());
    }

    @Test
    void whatsappReplyWithinTheWindowIsDeliveredAsAContextualTextMessage() {
        String phone = "phone-" + UUID.randomUUID().toString().substring(0, 8);
        String inbox = inbox("whatsapp", phone, null);
        customerWritesOnWhatsApp(inbox, phone, "5511987654321", "wamid.IN-" + phone);
        channelApis.register(post(urlPathEqualTo("/" + phone + "/messages"))
                .willReturn(okJson("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"5511987654321\","
                        + "\"wa_id\":\"5511987654321\"}],\"messages\":[{\"id\":\"wamid.OUT-1\"}]}")));

        OutboundResult result = reply(
                inbox,
                "whatsapp",
                "5511987654321",
                "5511987654321",
                "Seu pedido saiu hoje ✅",
                "wamid.IN-" + phone,
                false);

        assertEquals(OutboundResult.DELIVERED, result.status());
        assertEquals("wamid.OUT-1", result.providerMessageId());
        assertEquals(1, result.attempts());
        channelApis.verifyThat(
                1,
                postRequestedFor(urlPathEqualTo("/" + phone + "/messages"))
                        .withHeader("Authorization", equalTo("Bearer " + token))
                        .withRequestBody(matchingJsonPath("$.to", equalTo("5511987654321")))
                        .withRequestBody(matchingJsonPath("$.text.body", equalTo("Seu pedido saiu hoje ✅")))
                        .withRequestBody(matchingJsonPath("$.context.message_id", equalTo("wamid.IN-" + phone))));
    }

    @Test
    void whatsappReplyOutsideTheWindowFailsClearlyWithoutCallingMeta() {
        String phone = "phone-" + UUID.randomUUID().toString().substring(0, 8);
        String inbox = inbox("whatsapp", phone, null);

        OutboundResult result = reply(inbox, "whatsapp", "16505550000", "16505550000", "Hello?", null, false);

        assertEquals(OutboundResult.FAILED, result.status());
        assertTrue(result.error().contains("24-hour customer service window"), result.error());
        channelApis.verifyThat(0, postRequestedFor(urlPathEqualTo("/" + phone + "/messages")));
    }

    @Test
    void telegramServerErrorsAreRetriedWithBackoffUntilDelivered() {
        String inbox = inbox("telegram", null, null);
        String path = "/bot" + token + "/sendMessage";
        channelApis.register(post(urlPathEqualTo(path))
                .inScenario(token)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502))
                .willSetStateTo("second"));
        channelApis.register(post(urlPathEqualTo(path))
                .inScenario(token)
                .whenScenarioStateIs("second")
                .willReturn(
                        aResponse().withStatus(429).withBody("{\"ok\":false,\"description\":\"Too Many Requests\"}"))
                .willSetStateTo("third"));
        channelApis.register(post(urlPathEqualTo(path))
                .inScenario(token)
                .whenScenarioStateIs("third")
                .willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":88,\"chat\":{\"id\":1111111}}}")));

        OutboundResult result =
                reply(inbox, "telegram", "1111111", "1111111", "Вот ваш трек-номер", "1111111:1365", false);

        assertEquals(OutboundResult.DELIVERED, result.status());
        assertEquals("1111111:88", result.providerMessageId());
        assertEquals(3, result.attempts());
        channelApis.verifyThat(
                3,
                postRequestedFor(urlPathEqualTo(path))
                        .withRequestBody(matchingJsonPath("$.chat_id", equalTo("1111111")))
                        .withRequestBody(matchingJsonPath("$.reply_parameters.message_id", equalTo("1365"))));
    }

    @Test
    void aClientErrorIsFinalWithAFixedReason() {
        String inbox = inbox("messenger", "PAGE-1", null);
        channelApis.register(post(urlPathEqualTo("/me/messages"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"(#10) This message is sent outside of allowed window.\","
                                + "\"type\":\"OAuthException\",\"code\":10}}")));

        OutboundResult result = reply(inbox, "messenger", "PSID-1", "PSID-1", "Hi again", null, false);

        assertEquals(OutboundResult.FAILED, result.status());
        assertEquals(1, result.attempts());
        assertEquals("The channel refused the reply (HTTP 400).", result.error());
    }

    /** Telegram's bot token is part of the URL; what the API or the network says about it reaches no log or event. */
    @Test
    void theBotTokenReachesNoLogAndNoResult() {
        String inbox = inbox("telegram", null, null);
        String path = "/bot" + token + "/sendMessage";
        channelApis.register(post(urlPathEqualTo(path))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":false,\"description\":\"Not Found: " + path + "\"}")));
        OutboundResult result = reply(inbox, "telegram", "1111111", "1111111", "Hola", null, false);

        assertEquals(OutboundResult.FAILED, result.status());
        assertEquals("The channel refused the reply (HTTP 404).", result.error());
        // The channel's answer quoted the URL with the token: it is logged, redacted (tearDown checks the rest).
        await().atMost(Duration.ofSeconds(10)).until(() -> log.contains("[redacted]"));
    }

    @Test
    void customerTextCannotAddAHeaderToTheMailReply() throws Exception {
        int smtpPort = ConfigProvider.getConfig().getValue("quarkus.mailer.port", Integer.class);
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            String inbox = inbox("email", null, "support@acme.test");
            OutboundMessage message = new OutboundMessage(
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    inbox,
                    "email",
                    "thread-1@mail.example.com",
                    "ana@example.com",
                    "Hola Ana",
                    "Pedido\nBcc: eve@evil.test\r\nX-Injected: yes",
                    "id-1@mail.example.com>\r\nCc: <mallory@evil.test",
                    false,
                    "alice",
                    Instant.now());
            send(message);
            OutboundResult result = awaitResult(message.replyId());

            assertEquals(OutboundResult.DELIVERED, result.status());
            assertEquals(1, smtp.getReceivedMessages().length, "one recipient, no smuggled Bcc or Cc");
            MimeMessage sent = smtp.getReceivedMessages()[0];
            assertEquals(1, sent.getAllRecipients().length);
            for (jakarta.mail.Header header : java.util.Collections.list(sent.getAllHeaders())) {
                boolean smuggled = java.util.Set.of("bcc", "cc", "x-injected")
                        .contains(header.getName().toLowerCase(java.util.Locale.ROOT));
                assertFalse(
                        smuggled && header.getValue().contains("evil.test"),
                        header.getName() + ": " + header.getValue());
            }
            assertEquals("Re: Pedido Bcc: eve@evil.test  X-Injected: yes", sent.getSubject());
        } finally {
            smtp.stop();
        }
    }

    @Test
    void xPublicRepliesGoUnderTheTweetAndPrivateOnesAsDirectMessages() {
        String inbox = inbox("x", "4337869213", null);
        channelApis.register(post(urlPathEqualTo("/2/tweets"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("{\"data\":{\"id\":\"1050118621198921999\",\"text\":\"@analima on it\"}}")));
        channelApis.register(post(urlPathEqualTo("/2/dm_conversations/with/6253282/messages"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("{\"data\":{\"dm_conversation_id\":\"1-2\",\"dm_event_id\":\"1582838223\"}}")));

        OutboundResult tweet = reply(
                inbox,
                "x",
                "tweet:1050118621198921728",
                "6253282",
                "@analima on it",
                "tweet:1050118621198921728",
                true);
        OutboundResult dm = reply(inbox, "x", "dm:6253282", "6253282", "Your order number?", null, false);

        assertEquals("tweet:1050118621198921999", tweet.providerMessageId());
        assertEquals("dm:1582838223", dm.providerMessageId());
        channelApis.verifyThat(
                1,
                postRequestedFor(urlPathEqualTo("/2/tweets"))
                        .withRequestBody(
                                matchingJsonPath("$.reply.in_reply_to_tweet_id", equalTo("1050118621198921728"))));
    }

    @Test
    void emailRepliesAreSentBySmtpThreadedUnderTheCustomersMail() throws Exception {
        int smtpPort = ConfigProvider.getConfig().getValue("quarkus.mailer.port", Integer.class);
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            String inbox = inbox("email", null, "support@acme.test");

            OutboundResult result = reply(
                    inbox,
                    "email",
                    "CAF1042.ana@mail.example.com",
                    "ana@example.com",
                    "Hola Ana, ya lo revisamos.",
                    "CAF1042.ana@mail.example.com",
                    false);

            assertEquals(OutboundResult.DELIVERED, result.status());
            MimeMessage sent = smtp.getReceivedMessages()[0];
            assertEquals("ana@example.com", sent.getAllRecipients()[0].toString());
            assertEquals("support@acme.test", sent.getFrom()[0].toString());
            assertEquals("<CAF1042.ana@mail.example.com>", sent.getHeader("In-Reply-To")[0]);
            assertEquals("<" + result.providerMessageId() + ">", sent.getMessageID());
            assertTrue(sent.getContent().toString().contains("ya lo revisamos"));
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aRedeliveredReplyIsSentOnce() {
        String inbox = inbox("telegram", null, null);
        String path = "/bot" + token + "/sendMessage";
        channelApis.register(post(urlPathEqualTo(path))
                .willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":9,\"chat\":{\"id\":42}}}")));
        OutboundMessage message = message(inbox, "telegram", "42", "42", "Once", null, false);

        send(message);
        send(message);
        awaitResult(message.replyId());
        // A marker reply after the duplicate: once its result is in, the duplicate has been consumed too.
        OutboundMessage marker = message(inbox, "telegram", "42", "42", "Marker", null, false);
        send(marker);
        awaitResult(marker.replyId());

        channelApis.verifyThat(
                1, postRequestedFor(urlPathEqualTo(path)).withRequestBody(matchingJsonPath("$.text", equalTo("Once"))));
        assertEquals(1, results(message.replyId()).size());
    }

    private String inbox(String channel, String accountId, String senderAddress) {
        String id = channel + "-out-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(Tokens.of("dave"))
                .contentType("application/json")
                .body("{\"channel\":\"" + channel + "\",\"name\":\"Out\",\"team\":\"support\",\"secret\":\"" + SECRET
                        + "\",\"verifyToken\":\"v\",\"accessToken\":\"" + token + "\",\"accountId\":"
                        + (accountId == null ? "null" : "\"" + accountId + "\"") + ",\"senderAddress\":"
                        + (senderAddress == null ? "null" : "\"" + senderAddress + "\"") + "}")
                .put("/inboxes/" + id)
                .then()
                .statusCode(200);
        return id;
    }

    private void customerWritesOnWhatsApp(String inbox, String phoneNumberId, String waId, String messageId) {
        byte[] body =
                ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
                                + "\"value\":{\"metadata\":{\"phone_number_id\":\"" + phoneNumberId
                                + "\"},\"messages\":[{\"from\":\"" + waId + "\",\"id\":\"" + messageId
                                + "\",\"timestamp\":\""
                                + Instant.now().getEpochSecond()
                                + "\",\"type\":\"text\",\"text\":{\"body\":\"Cadê meu pedido?\"}}]}}]}]}")
                        .getBytes(StandardCharsets.UTF_8);
        given().contentType("application/json")
                .header(MetaAdapter.SIGNATURE_HEADER, WebhookSignature.sign(SECRET, body))
                .body(body)
                .post("/webhooks/whatsapp/" + inbox)
                .then()
                .statusCode(200);
    }

    private OutboundResult reply(
            String inbox,
            String channel,
            String threadKey,
            String recipient,
            String text,
            String replyTo,
            boolean publicPost) {
        OutboundMessage message = message(inbox, channel, threadKey, recipient, text, replyTo, publicPost);
        send(message);
        return awaitResult(message.replyId());
    }

    private static OutboundMessage message(
            String inbox,
            String channel,
            String threadKey,
            String recipient,
            String text,
            String replyTo,
            boolean publicPost) {
        return new OutboundMessage(
                UUID.randomUUID(),
                UUID.randomUUID(),
                inbox,
                channel,
                threadKey,
                recipient,
                text,
                channel.equals("email") ? "Pedido nº 1042" : null,
                replyTo,
                publicPost,
                "alice",
                Instant.now());
    }

    private void send(OutboundMessage message) {
        writer.send(
                Topics.OUTBOUND_MESSAGES,
                message.conversationId().toString(),
                EventCodec.encode(EventCodec.envelope(
                        message.replyId(),
                        EventTypes.MESSAGE_OUTBOUND,
                        "reply",
                        message.conversationId().toString(),
                        message.requestedAt(),
                        message)));
    }

    private OutboundResult awaitResult(UUID replyId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> results(replyId), list -> !list.isEmpty())
                .get(0);
    }

    private java.util.List<OutboundResult> results(UUID replyId) {
        return results.records().stream()
                .map(r -> EventCodec.decode(r.value()))
                .filter(e -> EventTypes.MESSAGE_OUTBOUND_RESULT.equals(e.type()))
                .map(e -> EventCodec.payload(e, OutboundResult.class))
                .filter(r -> replyId.equals(r.replyId()))
                .toList();
    }
}
