package io.parley.routing.conversation;

import java.util.Locale;

public enum ConversationStatus {
    OPEN,
    /** Waiting on the customer: SLA timers pause. */
    PENDING,
    /** Put aside until a time (or the customer's next message): SLA timers pause. */
    SNOOZED,
    RESOLVED;

    public String lower() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the allowed values */
    public static ConversationStatus parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("status must be one of open, pending, snoozed, resolved");
        }
    }
}
