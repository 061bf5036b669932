package io.parley.routing.language;

import java.util.Locale;

public enum Sentiment {
    POSITIVE,
    NEUTRAL,
    NEGATIVE;

    public String lower() {
        return name().toLowerCase(Locale.ROOT);
    }
}
