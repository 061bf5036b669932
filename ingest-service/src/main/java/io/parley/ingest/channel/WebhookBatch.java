package io.parley.ingest.channel;

import io.parley.contracts.InboundMessage;
import io.parley.contracts.MessageStatus;
import java.util.List;

/** Everything one webhook delivery carried; Meta and X batch several events into one request. */
public record WebhookBatch(List<InboundMessage> messages, List<MessageStatus> statuses) {
    public WebhookBatch {
        messages = List.copyOf(messages);
        statuses = List.copyOf(statuses);
    }

    public static WebhookBatch of(List<InboundMessage> messages) {
        return new WebhookBatch(messages, List.of());
    }

    public boolean isEmpty() {
        return messages.isEmpty() && statuses.isEmpty();
    }
}
