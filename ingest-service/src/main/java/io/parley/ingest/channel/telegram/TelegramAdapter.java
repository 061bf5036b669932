package io.parley.ingest.channel.telegram;

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
import java.util.ArrayList;
import java.util.List;

/**
 * Telegram Bot API updates, authenticated by the secret token set with setWebhook. Message ids are only unique per
 * chat, so provider ids are {@code chatId:messageId}; an edit gets its own id per edit date.
 */
@ApplicationScoped
public class TelegramAdapter implements ChannelAdapter {
    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public boolean verify(Inbox inbox, WebhookRequest request) {
        return WebhookSignature.constantTimeEquals(inbox.secret, request.header(SECRET_HEADER));
    }

    @Override
    public WebhookBatch parse(Inbox inbox, WebhookRequest request) {
        JsonNode update = Json.object(request.body());
        if (Json.text(update, "update_id") == null) {
            throw ProblemException.unprocessable("Not a Telegram update (update_id missing).");
        }
        if (update.has("message")) {
            return batch(message(inbox, request, update.path("message"), false));
        }
        if (update.has("edited_message")) {
            return batch(message(inbox, request, update.path("edited_message"), true));
        }
        // Other update kinds (callback queries, member changes) carry no customer message yet.
        return WebhookBatch.of(List.of());
    }

    private static WebhookBatch batch(InboundMessage message) {
        return WebhookBatch.of(message == null ? List.of() : List.of(message));
    }

    private static InboundMessage message(Inbox inbox, WebhookRequest request, JsonNode message, boolean edited) {
        JsonNode chat = message.path("chat");
        String chatId = Json.text(chat, "id");
        String messageId = Json.text(message, "message_id");
        if (chatId == null || messageId == null) {
            return null;
        }
        String id = chatId + ":" + messageId;
        JsonNode from = message.path("from");
        String fromId = Json.text(from, "id");
        String replyTo = Json.text(message.path("reply_to_message"), "message_id");
        InboundMessage.Builder builder = InboundMessage.builder()
                .inbox(inbox.id, inbox.channel, inbox.team)
                .providerMessageId(id)
                .threadKey(chatId)
                .contact(fromId != null ? fromId : chatId, displayName(from.isMissingNode() ? chat : from))
                .replyTo(replyTo == null ? null : chatId + ":" + replyTo)
                .publicPost(!"private".equals(Json.text(chat, "type")))
                .sentAt(Json.epochSeconds(message, "date", request.receivedAt()))
                .receivedAt(request.receivedAt());
        String text = Json.text(message, "text");
        List<InboundMessage.Attachment> attachments = attachments(message);
        if (edited) {
            builder.providerMessageId(id + ":edit:" + Json.text(message, "edit_date"))
                    .kind(Kind.EDIT)
                    .target(id);
        } else if (message.has("location")) {
            JsonNode location = message.path("location");
            builder.kind(Kind.LOCATION)
                    .location(new InboundMessage.Location(
                            location.path("latitude").asDouble(),
                            location.path("longitude").asDouble(),
                            null,
                            null));
        } else if (!attachments.isEmpty()) {
            builder.kind(Kind.MEDIA);
        } else if (text != null && text.startsWith("/") && isCommand(message)) {
            builder.kind(Kind.COMMAND);
        }
        return builder.text(text != null ? text : Json.text(message, "caption"))
                .attachments(attachments)
                .build();
    }

    private static boolean isCommand(JsonNode message) {
        JsonNode first = message.path("entities").path(0);
        return "bot_command".equals(Json.text(first, "type"))
                && first.path("offset").asInt(-1) == 0;
    }

    private static List<InboundMessage.Attachment> attachments(JsonNode message) {
        List<InboundMessage.Attachment> attachments = new ArrayList<>();
        JsonNode photos = message.path("photo");
        if (photos.isArray() && !photos.isEmpty()) {
            // Telegram lists the sizes of one photo, smallest first.
            attachments.add(new InboundMessage.Attachment(
                    "image", null, Json.text(photos.get(photos.size() - 1), "file_id"), null, null));
        }
        for (String kind : List.of("document", "voice", "audio", "video", "sticker")) {
            JsonNode file = message.path(kind);
            if (file.isObject()) {
                attachments.add(new InboundMessage.Attachment(
                        kind,
                        null,
                        Json.text(file, "file_id"),
                        Json.text(file, "file_name"),
                        Json.text(file, "mime_type")));
            }
        }
        return attachments;
    }

    private static String displayName(JsonNode who) {
        String first = Json.text(who, "first_name");
        String last = Json.text(who, "last_name");
        if (first != null) {
            return last != null ? first + " " + last : first;
        }
        String username = Json.text(who, "username");
        return username != null ? username : Json.text(who, "title");
    }
}
