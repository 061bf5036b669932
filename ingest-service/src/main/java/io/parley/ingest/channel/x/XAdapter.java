package io.parley.ingest.channel.x;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.contracts.InboundMessage;
import io.parley.contracts.InboundMessage.Kind;
import io.parley.contracts.WebhookSignature;
import io.parley.ingest.channel.Channel;
import io.parley.ingest.channel.ChannelAdapter;
import io.parley.ingest.channel.Json;
import io.parley.ingest.channel.WebhookBatch;
import io.parley.ingest.channel.WebhookRequest;
import io.parley.ingest.inbox.Inbox;
import io.parley.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * X Account Activity API: the CRC handshake, base64 HMAC signatures with the consumer secret, direct messages and
 * public mentions or replies. The account's own events come back through the same webhook and are ignored.
 */
@ApplicationScoped
public class XAdapter implements ChannelAdapter {
    public static final String SIGNATURE_HEADER = "x-twitter-webhooks-signature";
    /**
     * What X's CRC tokens look like: at most 255 base64url characters (and padding). The handshake signs the token
     * with the same key and scheme as the POST path, so anything it signs must never parse as an event body: a JSON
     * object needs braces and quotes, which this shape cannot hold.
     */
    static final Pattern CRC_TOKEN = Pattern.compile("[A-Za-z0-9_\\-]{1,255}={0,2}");

    @Override
    public Channel channel() {
        return Channel.X;
    }

    @Override
    public Response handshake(Inbox inbox, MultivaluedMap<String, String> query) {
        String crcToken = query.getFirst("crc_token");
        if (crcToken == null || crcToken.isEmpty()) {
            throw ProblemException.badRequest("crc_token is required.");
        }
        if (!CRC_TOKEN.matcher(crcToken).matches()) {
            throw ProblemException.badRequest("crc_token must be at most 255 base64url characters.");
        }
        return Response.ok(
                        Map.of("response_token", sign(inbox.secret, crcToken.getBytes(StandardCharsets.UTF_8))),
                        MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    @Override
    public boolean verify(Inbox inbox, WebhookRequest request) {
        return WebhookSignature.constantTimeEquals(
                sign(inbox.secret, request.body()), request.header(SIGNATURE_HEADER));
    }

    static String sign(String secret, byte[] data) {
        return WebhookSignature.PREFIX + Base64.getEncoder().encodeToString(WebhookSignature.hmacSha256(secret, data));
    }

    @Override
    public WebhookBatch parse(Inbox inbox, WebhookRequest request) {
        JsonNode body = Json.object(request.body());
        String account = Json.text(body, "for_user_id");
        if (account == null) {
            throw ProblemException.unprocessable("Not an Account Activity event (for_user_id missing).");
        }
        if (inbox.accountId != null && !inbox.accountId.equals(account)) {
            throw ProblemException.unprocessable("This event is for another X account than the inbox's.");
        }
        List<InboundMessage> messages = new ArrayList<>();
        JsonNode users = body.path("users");
        for (JsonNode event : Json.array(body, "direct_message_events")) {
            InboundMessage message = directMessage(inbox, request, event, account, users);
            if (message != null) {
                messages.add(message);
            }
        }
        for (JsonNode tweet : Json.array(body, "tweet_create_events")) {
            InboundMessage message = tweet(inbox, request, tweet, account);
            if (message != null) {
                messages.add(message);
            }
        }
        return WebhookBatch.of(messages);
    }

    private static InboundMessage directMessage(
            Inbox inbox, WebhookRequest request, JsonNode event, String account, JsonNode users) {
        JsonNode create = event.path("message_create");
        String id = Json.text(event, "id");
        String sender = Json.text(create, "sender_id");
        if (!"message_create".equals(Json.text(event, "type"))
                || id == null
                || sender == null
                || sender.equals(account)) {
            return null;
        }
        JsonNode data = create.path("message_data");
        List<InboundMessage.Attachment> attachments = new ArrayList<>();
        JsonNode media = data.path("attachment").path("media");
        if (media.isObject()) {
            attachments.add(new InboundMessage.Attachment(
                    Json.text(media, "type"),
                    Json.text(media, "media_url_https"),
                    Json.text(media, "id_str"),
                    null,
                    null));
        }
        return InboundMessage.builder()
                .inbox(inbox.id, inbox.channel, inbox.team)
                .providerMessageId("dm:" + id)
                .threadKey("dm:" + sender)
                .contact(sender, Json.text(users.path(sender), "name"))
                .kind(attachments.isEmpty() ? Kind.TEXT : Kind.MEDIA)
                .text(Json.text(data, "text"))
                .attachments(attachments)
                .publicPost(false)
                .sentAt(Json.epochMillis(event, "created_timestamp", request.receivedAt()))
                .receivedAt(request.receivedAt())
                .build();
    }

    /** A public tweet mentioning or answering the account; threaded on the tweet it replies to. */
    private static InboundMessage tweet(Inbox inbox, WebhookRequest request, JsonNode tweet, String account) {
        String id = Json.text(tweet, "id_str");
        JsonNode user = tweet.path("user");
        String author = Json.text(user, "id_str");
        if (id == null || author == null || author.equals(account)) {
            return null;
        }
        String inReplyTo = Json.text(tweet, "in_reply_to_status_id_str");
        String text = tweet.path("extended_tweet").has("full_text")
                ? Json.text(tweet.path("extended_tweet"), "full_text")
                : Json.text(tweet, "text");
        return InboundMessage.builder()
                .inbox(inbox.id, inbox.channel, inbox.team)
                .providerMessageId("tweet:" + id)
                .threadKey("tweet:" + (inReplyTo != null ? inReplyTo : id))
                .replyTo(inReplyTo == null ? null : "tweet:" + inReplyTo)
                .contact(author, Json.text(user, "name"))
                .kind(Kind.TEXT)
                .text(text)
                .publicPost(true)
                .sentAt(Json.epochMillis(tweet, "timestamp_ms", request.receivedAt()))
                .receivedAt(request.receivedAt())
                .build();
    }
}
