package io.parley.ingest.privacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long ingest keeps what it accepted. */
@ConfigMapping(prefix = "parley.retention")
public interface RetentionConfig {
    /** Raw webhook requests (the archive replays read); older ones are deleted. */
    @WithDefault("P90D")
    Duration archive();

    /**
     * Dedup keys with their events (what makes a redelivery a duplicate, and WhatsApp's 24-hour window); only relayed
     * ones are deleted. At least two days, or the customer-service window could not be checked.
     */
    @WithDefault("P30D")
    Duration dedupKeys();

    /** How often the purge runs. */
    @WithDefault("1h")
    Duration checkInterval();

    /** Rows one purge statement deletes at most; a purge repeats until nothing is left. */
    @WithDefault("5000")
    int batchSize();
}
