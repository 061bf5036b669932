package io.parley.ingest.channel;

import io.parley.tracing.TraceParent;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Map;

/**
 * A webhook POST as received: the exact body bytes (signatures cover those, not a re-serialisation), the headers
 * that matter (lower-case names), when it arrived, and the trace it is handled in (null where tracing is off).
 */
public record WebhookRequest(
        byte[] body, MediaType contentType, Map<String, String> headers, Instant receivedAt, TraceParent trace) {

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
