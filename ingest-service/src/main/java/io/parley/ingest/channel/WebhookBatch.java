package io.parley.ingest.channel;

import io.parley.contracts.InboundMessage;
import io.parley.contracts.MessageStatus;
import java.util.List;

/**
 * Everything one webhook delivery carried; Meta and X batch several events into one request. {@code foreignEntries}
 * counts the entries dropped because they were for another provider account than the inbox's.
 */
public record WebhookBatch(List<InboundMessage> messages, List<MessageStatus> statuses, int foreignEntries) {
    public WebhookBatch {
        messages = List.copyOf(messages);
        statuses = List.copyOf(statuses);
    }

    public WebhookBatch(List<InboundMessage> messages, List<MessageStatus> statuses) {
        this(messages, statuses, 0);
    }

    public static WebhookBatch of(List<InboundMessage> messages) {
        return new WebhookBatch(messages, List.of());
    }

    public boolean isEmpty() {
        return messages.isEmpty() && statuses.isEmpty();
    }
}
