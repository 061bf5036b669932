package io.parley.ingest.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.contracts.InboundMessage;
import io.parley.ingest.inbox.Inbox;
import io.parley.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads an API-channel webhook body and turns it into the normalised inbound message. */
@ApplicationScoped
public class ApiWebhookNormaliser {
    static final int MAX_ID_LENGTH = 255;

    private final ObjectMapper mapper;

    public ApiWebhookNormaliser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public InboundMessage normalise(Inbox inbox, byte[] body, Instant receivedAt) {
        ApiWebhookPayload payload = parse(body);
        validate(payload);
        String threadKey = payload.threadId() != null
                ? payload.threadId()
                : payload.sender().id();
        List<InboundMessage.Attachment> attachments = payload.attachments() == null
                ? List.of()
                : payload.attachments().stream()
                        .map(a -> new InboundMessage.Attachment(a.kind(), a.url(), null))
                        .toList();
        return new InboundMessage(
                inbox.id,
                inbox.channel,
                inbox.team,
                payload.messageId(),
                threadKey,
                new InboundMessage.Contact(
                        payload.sender().id(), payload.sender().name()),
                payload.text(),
                attachments,
                false,
                payload.sentAt() != null ? payload.sentAt() : receivedAt,
                receivedAt);
    }

    private ApiWebhookPayload parse(byte[] body) {
        try {
            ApiWebhookPayload payload = mapper.readValue(body, ApiWebhookPayload.class);
            if (payload == null) {
                throw ProblemException.badRequest("The body must be a JSON object.");
            }
            return payload;
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("Malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ProblemException.badRequest("The body could not be read.");
        }
    }

    private static void validate(ApiWebhookPayload payload) {
        List<String> errors = new ArrayList<>();
        if (blank(payload.messageId()) || payload.messageId().length() > MAX_ID_LENGTH) {
            errors.add("messageId is required (at most " + MAX_ID_LENGTH + " characters)");
        }
        if (payload.sender() == null
                || blank(payload.sender().id())
                || payload.sender().id().length() > MAX_ID_LENGTH) {
            errors.add("sender.id is required (at most " + MAX_ID_LENGTH + " characters)");
        }
        if (blank(payload.text())
                && (payload.attachments() == null || payload.attachments().isEmpty())) {
            errors.add("text or attachments are required");
        }
        if (payload.threadId() != null
                && (payload.threadId().isBlank() || payload.threadId().length() > MAX_ID_LENGTH)) {
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
