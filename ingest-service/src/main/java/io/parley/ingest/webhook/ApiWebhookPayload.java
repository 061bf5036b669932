package io.parley.ingest.webhook;

import java.time.Instant;
import java.util.List;

/**
 * What a system posting to the generic API channel sends. Example:
 *
 * <pre>{"messageId":"m-1","sender":{"id":"cust-42","name":"Ana"},"text":"Hello","sentAt":"2026-11-23T10:00:00Z"}</pre>
 *
 * @param threadId optional: keeps several senders in one conversation, or one sender in several
 */
public record ApiWebhookPayload(
        String messageId, Sender sender, String text, String threadId, Instant sentAt, List<Attachment> attachments) {

    public record Sender(String id, String name) {}

    public record Attachment(String kind, String url) {}
}
