package io.parley.routing.hours;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Working time of a team: intervals per weekday in a time zone, minus holidays. Intervals are wall-clock local times,
 * so a day that loses or gains an hour to a DST change has that much less or more working time, as the team lives it.
 * A calendar with no intervals at all means always open.
 */
public final class BusinessCalendar {
    /** How far ahead we look for the next working minute: a calendar closed for longer than this is a configuration error. */
    private static final int MAX_DAYS = 3 * 366;

    public record Interval(LocalTime start, LocalTime end) {
        public Interval {
            if (!end.isAfter(start) && !end.equals(LocalTime.MIDNIGHT)) {
                throw new IllegalArgumentException("interval must end after it starts: " + start + "-" + end);
            }
        }
    }

    public static final BusinessCalendar ALWAYS_OPEN = new BusinessCalendar(ZoneId.of("UTC"), Map.of(), Set.of());

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Interval>> weekly;
    private final Set<LocalDate> holidays;

    public BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<Interval>> weekly, Set<LocalDate> holidays) {
        this.zone = zone;
        this.weekly = weekly.isEmpty() ? Map.of() : new EnumMap<>(weekly);
        this.holidays = Set.copyOf(holidays);
    }

    public boolean alwaysOpen() {
        return weekly.values().stream().allMatch(List::isEmpty);
    }

    public boolean isOpen(Instant at) {
        if (alwaysOpen()) {
            return true;
        }
        LocalDate day = at.atZone(zone).toLocalDate();
        for (Window window : windowsOf(day.minusDays(1))) {
            if (window.contains(at)) return true;
        }
        for (Window window : windowsOf(day)) {
            if (window.contains(at)) return true;
        }
        return false;
    }

    /** Working time between two instants (zero if {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (alwaysOpen()) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(zone).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            for (Window window : windowsOf(day)) {
                Instant start = window.start.isAfter(from) ? window.start : from;
                Instant end = window.end.isBefore(to) ? window.end : to;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** The instant at which {@code amount} of working time has passed since {@code from}. */
    public Instant plus(Instant from, Duration amount) {
        if (alwaysOpen()) {
            return from.plus(amount);
        }
        Duration left = amount;
        LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            for (Window window : windowsOf(day)) {
                if (!window.end.isAfter(from)) {
                    continue;
                }
                Instant start = window.start.isAfter(from) ? window.start : from;
                Duration available = Duration.between(start, window.end);
                if (left.compareTo(available) <= 0) {
                    return start.plus(left);
                }
                left = left.minus(available);
            }
        }
        throw new IllegalStateException("business hours never open within " + MAX_DAYS + " days");
    }

    private record Window(Instant start, Instant end) {
        boolean contains(Instant at) {
            return !at.isBefore(start) && at.isBefore(end);
        }
    }

    private List<Window> windowsOf(LocalDate day) {
        if (holidays.contains(day)) {
            return List.of();
        }
        List<Interval> intervals = weekly.getOrDefault(day.getDayOfWeek(), List.of());
        List<Window> windows = new ArrayList<>(intervals.size());
        for (Interval interval : intervals) {
            // ZonedDateTime moves a time that falls into a spring-forward gap to after the gap.
            Instant start = ZonedDateTime.of(day, interval.start(), zone).toInstant();
            Instant end = interval.end().equals(LocalTime.MIDNIGHT)
                    ? ZonedDateTime.of(day.plusDays(1), LocalTime.MIDNIGHT, zone)
                            .toInstant()
                    : ZonedDateTime.of(day, interval.end(), zone).toInstant();
            windows.add(new Window(start, end));
        }
        return windows;
    }
}
