package io.parley.routing.hours;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A named business-hours calendar; teams point at one. {@code weekly} maps a weekday to "09:00-17:00" intervals. */
@Entity
@Table(name = "business_hours")
public class BusinessHours extends PanacheEntityBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Id
    public String id;

    @Column(name = "time_zone")
    public String timeZone;

    /** JSON: {"monday": ["09:00-12:30", "13:30-17:00"], ...}. */
    public String weekly;

    /** JSON: ["2026-12-25", ...] in the calendar's time zone. */
    public String holidays;

    /** Sent once per conversation that starts or is written to while the team is closed. */
    @Column(name = "away_message")
    public String awayMessage;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Transient
    private BusinessCalendar parsed;

    public Map<String, List<String>> weeklyMap() {
        return read(weekly, new TypeReference<>() {});
    }

    public List<String> holidayList() {
        return read(holidays, new TypeReference<>() {});
    }

    /**
     * Parsed once per loaded row: rules, the away message and SLA timers all ask for it while one message is routed.
     */
    public BusinessCalendar calendar() {
        if (parsed == null) {
            parsed = calendar(timeZone, weeklyMap(), holidayList());
        }
        return parsed;
    }

    /** Parses the API's shape; throws IllegalArgumentException with a message fit for the caller. */
    public static BusinessCalendar calendar(String zone, Map<String, List<String>> weekly, List<String> holidays) {
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown time zone " + zone);
        }
        Map<DayOfWeek, List<BusinessCalendar.Interval>> days = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<String, List<String>> day :
                (weekly == null ? Map.<String, List<String>>of() : weekly).entrySet()) {
            DayOfWeek dayOfWeek;
            try {
                dayOfWeek = DayOfWeek.valueOf(day.getKey().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown weekday " + day.getKey());
            }
            days.put(
                    dayOfWeek,
                    day.getValue().stream().map(BusinessHours::interval).toList());
        }
        Set<LocalDate> dates = new HashSet<>();
        for (String holiday : holidays == null ? List.<String>of() : holidays) {
            try {
                dates.add(LocalDate.parse(holiday));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("holiday must be a date like 2026-12-25: " + holiday);
            }
        }
        return new BusinessCalendar(zoneId, days, dates);
    }

    private static BusinessCalendar.Interval interval(String text) {
        String[] parts = text.split("-");
        try {
            return new BusinessCalendar.Interval(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "interval must look like 09:00-17:00 with its end after its start: " + text);
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("business hours " + "stored unreadable", e);
        }
    }
}
