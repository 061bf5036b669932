package io.parley.ingest.outbound;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** Where replies go and how hard delivery tries. */
@ConfigMapping(prefix = "parley.outbound")
public interface OutboundConfig {
    /** Graph API root including the version, e.g. https://graph.facebook.com/v21.0. */
    String metaBaseUrl();

    String xBaseUrl();

    String telegramBaseUrl();

    /** Attempts per reply, the first included, when the channel answers 429 or 5xx or cannot be reached. */
    int maxAttempts();

    Duration initialBackoff();

    Duration maxBackoff();

    /** WhatsApp messages per second per inbox. */
    int whatsappRate();

    /** Messages per second per inbox on the other channels. */
    int defaultRate();
}
