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
import java.util.List;

/**
 * Messenger Platform webhooks ({@code object: page}). Instagram messaging uses the same {@code messaging[]} events
 * under {@code object: instagram}: see {@link InstagramAdapter}.
 */
@ApplicationScoped
public class MessengerAdapter extends MetaAdapter {

    @Override
    public Channel channel() {
        return Channel.MESSENGER;
    }

    /** The value of the payload's {@code object} field for this channel. */
    protected String object() {
        return "page";
    }

    @Override
    public WebhookBatch parse(Inbox inbox, WebhookRequest request) {
        JsonNode body = Json.object(request.body());
        if (!object().equals(Json.text(body, "object"))) {
            throw ProblemException.unprocessable(
                    "Not a " + channel().id() + " webhook (object must be " + object() + ").");
        }
        List<InboundMessage> messages = new ArrayList<>();
        List<MessageStatus> statuses = new ArrayList<>();
        int foreign = 0;
        for (JsonNode entry : Json.array(body, "entry")) {
            if (!ownAccount(inbox, Json.text(entry, "id"))) {
                foreign++;
                continue;
            }
            // standby[] carries the same events while another app has thread control: still the customer's words.
            for (String list : List.of("messaging", "standby")) {
                for (JsonNode event : Json.array(entry, list)) {
                    event(inbox, request, event, messages, statuses);
                }
            }
        }
        return new WebhookBatch(messages, statuses, foreign);
    }

    private static void event(
            Inbox inbox,
            WebhookRequest request,
            JsonNode event,
            List<InboundMessage> messages,
            List<MessageStatus> statuses) {
        String sender = Json.text(event.path("sender"), "id");
        String recipient = Json.text(event.path("recipient"), "id");
        if (sender == null || recipient == null) {
            return;
        }
        java.time.Instant at = Json.epochMillis(event, "timestamp", request.receivedAt());
        if (event.has("message")) {
            InboundMessage message = message(inbox, request, event.path("message"), sender, recipient, at);
            if (message != null) {
                messages.add(message);
            }
        } else if (event.has("postback")) {
            JsonNode postback = event.path("postback");
            String mid = Json.text(postback, "mid");
            messages.add(base(inbox, request, sender, at)
                    .providerMessageId(mid != null ? mid : "postback:" + sender + ":" + at.toEpochMilli())
                    .kind(Kind.INTERACTIVE)
                    .text(Json.text(postback, "title"))
                    .build());
        } else if (event.has("delivery")) {
            for (JsonNode mid : Json.array(event.path("delivery"), "mids")) {
                statuses.add(new MessageStatus(
                        inbox.id, inbox.channel, mid.asText(), sender, MessageStatus.DELIVERED, at, null));
            }
        } else if (event.has("read")) {
            String watermark = Json.text(event.path("read"), "watermark");
            if (watermark != null) {
                statuses.add(new MessageStatus(
                        inbox.id, inbox.channel, "read-watermark:" + watermark, sender, MessageStatus.READ, at, null));
            }
        }
    }

    private static InboundMessage message(
            Inbox inbox,
            WebhookRequest request,
            JsonNode message,
            String sender,
            String recipient,
            java.time.Instant at) {
        String mid = Json.text(message, "mid");
        if (mid == null) {
            return null;
        }
        boolean echo = message.path("is_echo").asBoolean(false);
        // An echo is the page writing to the customer: the customer is its recipient.
        String customer = echo ? recipient : sender;
        InboundMessage.Builder builder = base(inbox, request, customer, at)
                .providerMessageId(mid)
                .echo(echo)
                .replyTo(Json.text(message.path("reply_to"), "mid"));
        if (message.path("is_deleted").asBoolean(false)) {
            return builder.providerMessageId(mid + ":deleted")
                    .kind(Kind.DELETE)
                    .target(mid)
                    .build();
        }
        List<InboundMessage.Attachment> attachments = new ArrayList<>();
        for (JsonNode attachment : Json.array(message, "attachments")) {
            attachments.add(new InboundMessage.Attachment(
                    Json.text(attachment, "type"), Json.text(attachment.path("payload"), "url"), null, null, null));
        }
        String kind = message.has("quick_reply") ? Kind.INTERACTIVE : attachments.isEmpty() ? Kind.TEXT : Kind.MEDIA;
        return builder.kind(kind)
                .text(Json.text(message, "text"))
                .attachments(attachments)
                .build();
    }

    private static InboundMessage.Builder base(
            Inbox inbox, WebhookRequest request, String customer, java.time.Instant at) {
        return InboundMessage.builder()
                .inbox(inbox.id, inbox.channel, inbox.team)
                .threadKey(customer)
                .contact(customer, null)
                .sentAt(at)
                .receivedAt(request.receivedAt());
    }
}
