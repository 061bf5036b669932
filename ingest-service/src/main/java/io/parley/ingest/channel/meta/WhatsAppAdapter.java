package io.parley.ingest.channel.meta;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.contracts.InboundMessage;
import io.parley.contracts.InboundMessage.Kind;
import io.parley.contracts.MessageStatus;
import io.parley.ingest.channel.Channel;
import io.parley.ingest.channel.Json;
import io.parley.ingest.channel.WebhookBatch;
import io.parley.ingest.channel.WebhookRequest;
import io.parley.ingest.inbox.Inbox;
import io.parley.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * WhatsApp Cloud API webhooks ({@code object: whatsapp_business_account}): messages of every type, contact profile
 * names, reply context, and delivery statuses. Entries it cannot read are skipped, not fatal: one odd message must not
 * make Meta redeliver the rest of the batch forever.
 */
@ApplicationScoped
public class WhatsAppAdapter extends MetaAdapter {
    static final Set<String> MEDIA = Set.of("image", "document", "audio", "video", "sticker");

    @Override
    public Channel channel() {
        return Channel.WHATSAPP;
    }

    @Override
    public WebhookBatch parse(Inbox inbox, WebhookRequest request) {
        JsonNode body = Json.object(request.body());
        if (!"whatsapp_business_account".equals(Json.text(body, "object"))) {
            throw ProblemException.unprocessable("Not a WhatsApp Business Account webhook (object).");
        }
        List<InboundMessage> messages = new ArrayList<>();
        List<MessageStatus> statuses = new ArrayList<>();
        int foreign = 0;
        for (JsonNode entry : Json.array(body, "entry")) {
            for (JsonNode change : Json.array(entry, "changes")) {
                JsonNode value = change.path("value");
                if (!ownAccount(inbox, Json.text(value.path("metadata"), "phone_number_id"))) {
                    foreign++;
                    continue;
                }
                Map<String, String> names = new HashMap<>();
                for (JsonNode contact : Json.array(value, "contacts")) {
                    String waId = Json.text(contact, "wa_id");
                    if (waId != null) {
                        names.put(waId, Json.text(contact.path("profile"), "name"));
                    }
                }
                for (JsonNode message : Json.array(value, "messages")) {
                    InboundMessage parsed = message(inbox, request, message, names);
                    if (parsed != null) {
                        messages.add(parsed);
                    }
                }
                for (JsonNode status : Json.array(value, "statuses")) {
                    String id = Json.text(status, "id");
                    String recipient = Json.text(status, "recipient_id");
                    String state = Json.text(status, "status");
                    if (id != null && recipient != null && state != null) {
                        JsonNode error = status.path("errors").path(0);
                        statuses.add(new MessageStatus(
                                inbox.id,
                                inbox.channel,
                                id,
                                recipient,
                                state,
                                Json.epochSeconds(status, "timestamp", request.receivedAt()),
                                error.isMissingNode() ? null : Json.text(error, "title")));
                    }
                }
            }
        }
        return new WebhookBatch(messages, statuses, foreign);
    }

    private static InboundMessage message(
            Inbox inbox, WebhookRequest request, JsonNode message, Map<String, String> names) {
        String id = Json.text(message, "id");
        String from = Json.text(message, "from");
        String type = Json.text(message, "type");
        if (id == null || from == null || type == null) {
            return null;
        }
        InboundMessage.Builder builder = InboundMessage.builder()
                .inbox(inbox.id, inbox.channel, inbox.team)
                .providerMessageId(id)
                .threadKey(from)
                .contact(from, names.get(from))
                .replyTo(Json.text(message.path("context"), "id"))
                .sentAt(Json.epochSeconds(message, "timestamp", request.receivedAt()))
                .receivedAt(request.receivedAt());
        JsonNode content = message.path(type);
        if ("text".equals(type)) {
            builder.kind(Kind.TEXT).text(Json.text(content, "body"));
        } else if (MEDIA.contains(type)) {
            builder.kind(Kind.MEDIA)
                    .text(Json.text(content, "caption"))
                    .attachments(List.of(new InboundMessage.Attachment(
                            type,
                            null,
                            Json.text(content, "id"),
                            Json.text(content, "filename"),
                            Json.text(content, "mime_type"))));
        } else if ("location".equals(type)) {
            builder.kind(Kind.LOCATION)
                    .location(new InboundMessage.Location(
                            content.path("latitude").asDouble(),
                            content.path("longitude").asDouble(),
                            Json.text(content, "name"),
                            Json.text(content, "address")));
        } else if ("interactive".equals(type)) {
            JsonNode reply = content.has("button_reply") ? content.path("button_reply") : content.path("list_reply");
            builder.kind(Kind.INTERACTIVE).text(Json.text(reply, "title"));
        } else if ("button".equals(type)) {
            builder.kind(Kind.INTERACTIVE).text(Json.text(content, "text"));
        } else if ("reaction".equals(type)) {
            builder.kind(Kind.REACTION).text(Json.text(content, "emoji")).replyTo(Json.text(content, "message_id"));
        } else {
            builder.kind(Kind.UNSUPPORTED);
        }
        return builder.build();
    }
}
