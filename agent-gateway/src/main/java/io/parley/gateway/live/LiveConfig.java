package io.parley.gateway.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the gateway streams live updates to agents (GET /api/live). */
@ConfigMapping(prefix = "parley.live")
public interface LiveConfig {
    /**
     * Conversation events each replica keeps in memory, so a client that reconnects with Last-Event-ID resumes
     * without reading Kafka again; a client further behind is caught up from Kafka itself.
     */
    @WithDefault("20000")
    int replayCapacity();

    /** How often an idle stream gets a comment line, so proxies and the browser see it is alive. */
    @WithDefault("15s")
    Duration heartbeat();

    /** Events written to one client and not yet flushed before its stream is ended (it resumes by Last-Event-ID). */
    @WithDefault("2000")
    int maxPending();

    /** The longest a reconnecting client's catch-up from Kafka may take. */
    @WithDefault("10s")
    Duration catchUpTimeout();
}
