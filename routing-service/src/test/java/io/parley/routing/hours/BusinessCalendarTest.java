package io.parley.routing.hours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Working-time arithmetic across a weekend, a holiday and both DST changes, in Berlin time. */
class BusinessCalendarTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final List<String> NINE_TO_FIVE = List.of("09:00-12:00", "13:00-17:00");
    static final BusinessCalendar OFFICE = BusinessHours.calendar(
            "Europe/Berlin",
            Map.of(
                    "monday", NINE_TO_FIVE,
                    "tuesday", NINE_TO_FIVE,
                    "wednesday", NINE_TO_FIVE,
                    "thursday", NINE_TO_FIVE,
                    "friday", NINE_TO_FIVE),
            List.of("2026-12-25", "2026-12-28"));
    /** A night shift whose interval runs over the spring-forward hour (02:00 → 03:00 on 2026-03-29). */
    static final BusinessCalendar NIGHTS = BusinessHours.calendar(
            "Europe/Berlin", Map.of("sunday", List.of("00:00-06:00"), "saturday", List.of("22:00-00:00")), List.of());

    static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    @ParameterizedTest(name = "{0} + {1} min → {2}")
    @CsvSource({
        // within one interval
        "2026-11-23T09:00, 30, 2026-11-23T09:30",
        // over lunch
        "2026-11-23T11:45, 30, 2026-11-23T13:15",
        // written at night: the clock starts at opening
        "2026-11-23T20:00, 30, 2026-11-24T09:30",
        // Friday afternoon over the weekend
        "2026-11-27T16:50, 30, 2026-11-30T09:20",
        // Saturday counts nothing
        "2026-11-28T10:00, 60, 2026-11-30T10:00",
        // Christmas Eve (Thursday) afternoon: Christmas Day is a holiday, then the weekend, then 28th is one too
        "2026-12-24T16:30, 60, 2026-12-29T09:30",
        // a full working day is 7 hours
        "2026-11-23T09:00, 420, 2026-11-23T17:00",
        "2026-11-23T09:00, 421, 2026-11-24T09:01"
    })
    void addsWorkingTime(String from, long minutes, String expected) {
        assertEquals(berlin(expected), OFFICE.plus(berlin(from), Duration.ofMinutes(minutes)));
    }

    @Test
    void measuresWorkingTimeBetweenTwoInstants() {
        assertEquals(Duration.ofMinutes(30), OFFICE.between(berlin("2026-11-27T16:50"), berlin("2026-11-30T09:20")));
        assertEquals(Duration.ZERO, OFFICE.between(berlin("2026-12-25T10:00"), berlin("2026-12-25T16:00")));
        assertEquals(Duration.ofHours(7 * 5), OFFICE.between(berlin("2026-11-23T00:00"), berlin("2026-11-30T00:00")));
    }

    @Test
    void aNightThatLosesAnHourToDaylightSavingTimeHasOneHourLessOfWork() {
        // Saturday 22:00 to Sunday 06:00 is 8 hours on the wall clock; 7 really pass on the night clocks spring
        // forward.
        Instant saturdayEvening = berlin("2026-03-28T22:00");
        Instant sundayMorning = berlin("2026-03-29T06:00");
        assertEquals(Duration.ofHours(7), NIGHTS.between(saturdayEvening, sundayMorning));
        // 3 working hours from 00:00 end at 04:00 local: 01:00, (02:00 does not exist) 03:00, 04:00.
        assertEquals(berlin("2026-03-29T04:00"), NIGHTS.plus(berlin("2026-03-29T00:00"), Duration.ofHours(3)));
        // In October the same night has an hour more.
        assertEquals(Duration.ofHours(9), NIGHTS.between(berlin("2026-10-24T22:00"), berlin("2026-10-25T06:00")));
    }

    @Test
    void knowsWhenItIsOpen() {
        assertTrue(OFFICE.isOpen(berlin("2026-11-23T09:00")));
        assertFalse(OFFICE.isOpen(berlin("2026-11-23T12:30")));
        assertFalse(OFFICE.isOpen(berlin("2026-11-23T17:00")));
        assertFalse(OFFICE.isOpen(berlin("2026-11-28T10:00")));
        assertFalse(OFFICE.isOpen(berlin("2026-12-25T10:00")));
        assertTrue(NIGHTS.isOpen(berlin("2026-03-28T23:30")));
        assertTrue(BusinessCalendar.ALWAYS_OPEN.isOpen(Instant.EPOCH));
    }

    @Test
    void rejectsNonsenseWithAMessageForTheCaller() {
        assertThrows(IllegalArgumentException.class, () -> BusinessHours.calendar("Mars/Olympus", Map.of(), List.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> BusinessHours.calendar("UTC", Map.of("monday", List.of("17:00-09:00")), List.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> BusinessHours.calendar("UTC", Map.of("someday", List.of("09:00-17:00")), List.of()));
        assertThrows(IllegalArgumentException.class, () -> BusinessHours.calendar("UTC", Map.of(), List.of("25/12")));
    }
}
