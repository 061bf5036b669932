package io.parley.ingest.intake;

import java.util.UUID;

/** The webhook's answer: accepted now (202) or seen before (200); either way the provider stops retrying. */
public record IntakeResult(String status, UUID eventId) {
    static IntakeResult accepted(UUID eventId) {
        return new IntakeResult("accepted", eventId);
    }

    static IntakeResult duplicate(UUID eventId) {
        return new IntakeResult("duplicate", eventId);
    }

    public boolean duplicate() {
        return "duplicate".equals(status);
    }
}
