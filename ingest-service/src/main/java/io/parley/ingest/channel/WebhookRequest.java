package io.parley.ingest.channel;

import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Map;

/**
 * A webhook POST as received: the exact body bytes (signatures cover those, not a re-serialisation), the headers
 * that matter (lower-case names), and when it arrived.
 */
public record WebhookRequest(byte[] body, MediaType contentType, Map<String, String> headers, Instant receivedAt) {

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
