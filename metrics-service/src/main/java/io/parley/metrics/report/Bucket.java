package io.parley.metrics.report;

import io.parley.problem.ProblemException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Time buckets of a report, in the requested time zone: an hour, a day, an ISO week (from Monday), a month. */
public enum Bucket {
    NONE(null, null),
    HOUR("hour", DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")),
    DAY("day", DateTimeFormatter.ISO_LOCAL_DATE),
    WEEK("week", DateTimeFormatter.ISO_LOCAL_DATE),
    MONTH("month", DateTimeFormatter.ofPattern("yyyy-MM"));

    /** Hourly buckets over a longer range would be more rows than anyone reads. */
    static final Duration LONGEST_HOURLY_RANGE = Duration.ofDays(92);

    private final String unit;
    private final DateTimeFormatter label;

    Bucket(String unit, DateTimeFormatter label) {
        this.unit = unit;
        this.label = label;
    }

    /** The SQL expression of the bucket's local start; {@code zoneParameter} is the $n holding the zone id. */
    String expression(String zoneParameter) {
        return unit == null
                ? "null::timestamp"
                : "date_trunc('" + unit + "', e.occurred_at at time zone " + zoneParameter + ")";
    }

    String label(LocalDateTime start) {
        return start == null || label == null ? null : label.format(start);
    }

    public String lower() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Bucket parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("bucket must be one of none, hour, day, week, month");
        }
    }
}
