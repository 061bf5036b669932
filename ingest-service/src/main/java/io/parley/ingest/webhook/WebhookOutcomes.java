package io.parley.ingest.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.ingest.channel.Channel;
import io.parley.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts webhook deliveries by channel and outcome ({@code parley_webhooks_total} on /q/metrics): accepted (2xx, new
 * or a redelivery), rejected (4xx: a bad signature, body or inbox) or failed (5xx: the provider will retry). A path
 * naming no channel counts as "unknown", so a scanner cannot grow the series.
 */
@ApplicationScoped
public class WebhookOutcomes {
    static final String METRIC = "parley.webhooks";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public WebhookOutcomes(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param failure what the delivery failed with, when it did (its status is the response's) */
    void record(String channel, Response response, Throwable failure) {
        int status = response != null
                ? response.getStatus()
                : failure instanceof ProblemException problem ? problem.status() : 500;
        String outcome = status < 400 ? "accepted" : status < 500 ? "rejected" : "failed";
        String known = Channel.byId(channel).map(Channel::id).orElse("unknown");
        counters.computeIfAbsent(
                        known + '|' + outcome,
                        key -> Counter.builder(METRIC)
                                .tag("channel", known)
                                .tag("outcome", outcome)
                                .register(registry))
                .increment();
    }
}
