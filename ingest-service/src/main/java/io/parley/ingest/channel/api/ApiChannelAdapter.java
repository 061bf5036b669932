package io.parley.ingest.channel.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.contracts.InboundMessage;
import io.parley.contracts.WebhookSignature;
import io.parley.ingest.channel.Channel;
import io.parley.ingest.channel.ChannelAdapter;
import io.parley.ingest.channel.Json;
import io.parley.ingest.channel.WebhookBatch;
import io.parley.ingest.channel.WebhookRequest;
import io.parley.ingest.inbox.Inbox;
import io.parley.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parley's own generic channel, for any system that can sign a request. Body:
 *
 * <pre>{"messageId":"m-1","sender":{"id":"cust-42","name":"Ana"},"text":"Hello","sentAt":"2026-11-23T10:00:00Z",
 *  "threadId":"optional","attachments":[{"kind":"image","url":"https://..."}]}</pre>
 */
@ApplicationScoped
public class ApiChannelAdapter implements ChannelAdapter {
    public static final String SIGNATURE_HEADER = "X-Parley-Signature";
    static final int MAX_ID_LENGTH = 255;

    @Override
    public Channel channel() {
        return Channel.API;
    }

    @Override
    public int acceptedStatus() {
        return 202;
    }

    @Override
    public boolean verify(Inbox inbox, WebhookRequest request) {
        return WebhookSignature.matches(inbox.secret, request.body(), request.header(SIGNATURE_HEADER));
    }

    @Override
    public WebhookBatch parse(Inbox inbox, WebhookRequest request) {
        JsonNode body = Json.object(request.body());
        String messageId = Json.text(body, "messageId");
        String senderId = Json.text(body.path("sender"), "id");
        String text = Json.text(body, "text");
        String threadId = Json.text(body, "threadId");
        List<InboundMessage.Attachment> attachments = new ArrayList<>();
        for (JsonNode a : Json.array(body, "attachments")) {
            attachments.add(new InboundMessage.Attachment(
                    Json.text(a, "kind"), Json.text(a, "url"), null, Json.text(a, "fileName"), null));
        }
        validate(messageId, senderId, text, threadId, attachments);
        return WebhookBatch.of(List.of(InboundMessage.builder()
                .inbox(inbox.id, inbox.channel, inbox.team)
                .providerMessageId(messageId)
                .threadKey(threadId != null ? threadId : senderId)
                .contact(senderId, Json.text(body.path("sender"), "name"))
                .kind(attachments.isEmpty() ? InboundMessage.Kind.TEXT : InboundMessage.Kind.MEDIA)
                .text(text)
                .attachments(attachments)
                .sentAt(sentAt(Json.text(body, "sentAt"), request.receivedAt()))
                .receivedAt(request.receivedAt())
                .build()));
    }

    private static Instant sentAt(String value, Instant fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.unprocessable("sentAt must be an ISO-8601 instant such as 2026-11-23T10:00:00Z");
        }
    }

    private static void validate(
            String messageId,
            String senderId,
            String text,
            String threadId,
            List<InboundMessage.Attachment> attachments) {
        List<String> errors = new ArrayList<>();
        if (blank(messageId) || messageId.length() > MAX_ID_LENGTH) {
            errors.add("messageId is required (at most " + MAX_ID_LENGTH + " characters)");
        }
        if (blank(senderId) || senderId.length() > MAX_ID_LENGTH) {
            errors.add("sender.id is required (at most " + MAX_ID_LENGTH + " characters)");
        }
        if (blank(text) && attachments.isEmpty()) {
            errors.add("text or attachments are required");
        }
        if (threadId != null && (threadId.isBlank() || threadId.length() > MAX_ID_LENGTH)) {
            errors.add("threadId, when given, must be 1 to " + MAX_ID_LENGTH + " characters");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(String.join("; ", errors));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
