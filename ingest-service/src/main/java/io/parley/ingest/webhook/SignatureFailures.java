package io.parley.ingest.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.logging.Logger;

/** Counts rejected signatures per inbox: a burst means a misconfigured secret or someone forging messages. */
@ApplicationScoped
public class SignatureFailures {
    private static final Logger LOG = Logger.getLogger(SignatureFailures.class);

    private final ConcurrentHashMap<String, LongAdder> byInbox = new ConcurrentHashMap<>();

    public void record(String inboxId) {
        byInbox.computeIfAbsent(inboxId, id -> new LongAdder()).increment();
        LOG.warnf("rejected a webhook with a missing or wrong signature for inbox %s", inboxId);
    }

    public long count(String inboxId) {
        LongAdder adder = byInbox.get(inboxId);
        return adder == null ? 0 : adder.sum();
    }
}
