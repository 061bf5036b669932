package io.parley.metrics.reporting;

import java.util.List;
import java.util.Map;

/** GET /reports/summary: conversations started, in total and broken down. */
public record Summary(long conversations, Map<String, Long> byChannel, List<InboxFigures> byInbox) {
    public record InboxFigures(String inboxId, String channel, long conversations) {}
}
