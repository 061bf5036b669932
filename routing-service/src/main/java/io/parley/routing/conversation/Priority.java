package io.parley.routing.conversation;

import java.util.Locale;

/** In rising order: the queue serves the highest first. */
public enum Priority {
    LOW,
    MEDIUM,
    HIGH,
    URGENT;

    public Priority atLeast(Priority other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    public Priority raised() {
        return this == URGENT ? URGENT : values()[ordinal() + 1];
    }

    public String lower() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the allowed values */
    public static Priority parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("priority must be one of low, medium, high, urgent");
        }
    }
}
