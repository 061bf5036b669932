package io.parley.ingest.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.parley.ingest.channel.WebhookBatch;
import io.parley.ingest.inbox.Inbox;
import io.parley.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Entries of a correctly signed delivery that belong to another provider account than the inbox's (a page or phone
 * number sharing the Meta app secret): dropped and counted ({@code parley_webhook_foreign_account_entries_total}),
 * never routed to this inbox's team. A delivery with nothing for the inbox's account is refused (422).
 */
@ApplicationScoped
public class ForeignAccountEntries {
    private static final Logger LOG = Logger.getLogger(ForeignAccountEntries.class);
    static final String METRIC = "parley.webhook.foreign.account.entries";

    private final MeterRegistry registry;

    public ForeignAccountEntries(MeterRegistry registry) {
        this.registry = registry;
    }

    public void check(Inbox inbox, WebhookBatch batch) {
        if (batch.foreignEntries() == 0) {
            return;
        }
        registry.counter(METRIC, "channel", inbox.channel, "inbox", inbox.id).increment(batch.foreignEntries());
        LOG.warnf(
                "dropped %d %s webhook entries for another account than inbox %s's",
                batch.foreignEntries(), inbox.channel, inbox.id);
        if (batch.isEmpty()) {
            throw ProblemException.unprocessable(
                    "This delivery is for another account than the inbox's (accountId); nothing was accepted.");
        }
    }
}
