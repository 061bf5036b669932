package io.parley.ingest.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * WhatsApp's rule: a business may send free-form messages only within 24 hours of the customer's last message;
 * outside it only approved templates are allowed, which a free-text reply is not.
 */
public final class CustomerServiceWindow {
    public static final Duration LENGTH = Duration.ofHours(24);

    private CustomerServiceWindow() {}

    public static boolean isOpen(Optional<Instant> lastCustomerMessage, Instant now) {
        return lastCustomerMessage.map(last -> !now.isAfter(last.plus(LENGTH))).orElse(false);
    }
}
