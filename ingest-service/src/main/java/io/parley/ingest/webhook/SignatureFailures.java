package io.parley.ingest.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Counts rejected webhook proofs per channel and inbox ({@code parley_webhook_signature_failures_total} on
 * /q/metrics): a burst means a misconfigured secret or someone forging messages.
 */
@ApplicationScoped
public class SignatureFailures {
    private static final Logger LOG = Logger.getLogger(SignatureFailures.class);
    static final String METRIC = "parley.webhook.signature.failures";

    private final MeterRegistry registry;

    public SignatureFailures(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(String channel, String inboxId) {
        registry.counter(METRIC, "channel", channel, "inbox", inboxId).increment();
        LOG.warnf("rejected a %s webhook with a missing or wrong signature for inbox %s", channel, inboxId);
    }
}
