package io.parley.ingest.outbound;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CustomerServiceWindowTest {
    static final Instant LAST = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void openForTwentyFourHoursAfterTheCustomersLastMessage() {
        assertTrue(CustomerServiceWindow.isOpen(Optional.of(LAST), LAST.plusSeconds(60)));
        assertTrue(CustomerServiceWindow.isOpen(Optional.of(LAST), Instant.parse("2026-11-23T10:00:00Z")));
        assertFalse(CustomerServiceWindow.isOpen(Optional.of(LAST), Instant.parse("2026-11-23T10:00:01Z")));
    }

    @Test
    void closedWhenTheCustomerNeverWrote() {
        assertFalse(CustomerServiceWindow.isOpen(Optional.empty(), LAST));
    }
}
