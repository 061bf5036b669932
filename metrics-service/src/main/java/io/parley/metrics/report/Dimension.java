package io.parley.metrics.report;

import io.parley.problem.ProblemException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a report can be grouped by: a column of reporting_event, or the conversation's tags. */
public enum Dimension {
    NONE("null::text"),
    INBOX("e.inbox_id"),
    CHANNEL("e.channel"),
    TEAM("e.team"),
    AGENT("e.agent"),
    TAG("t.tag"),
    PRIORITY("e.priority");

    /** The SQL expression of the group; fixed text, never the caller's. */
    final String column;

    Dimension(String column) {
        this.column = column;
    }

    public String lower() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Dimension parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("groupBy must be one of "
                    + Arrays.stream(values()).map(Dimension::lower).collect(Collectors.joining(", ")));
        }
    }
}
