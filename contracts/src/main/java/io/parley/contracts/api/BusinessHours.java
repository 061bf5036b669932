package io.parley.contracts.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** routing-service's business hours ({@code /business-hours}), as routing answers and the gateway calls it. */
public final class BusinessHours {
    private BusinessHours() {}

    /**
     * @param timeZone an IANA zone such as Europe/Madrid
     * @param weekly per day (monday … sunday) its open intervals, "09:00-17:00"; a day left out is closed
     * @param holidays closed dates, "2026-12-25"
     * @param awayMessage sent to a customer who writes while the team is closed; null: none
     */
    public record Schedule(
            String id,
            @NotBlank String timeZone,
            Map<String, List<String>> weekly,
            List<String> holidays,
            @Size(max = 2000) String awayMessage) {}
}
