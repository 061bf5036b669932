package io.parley.contracts.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** routing-service's agents API ({@code /agents/{agent}/availability}), as routing answers and the gateway calls it. */
public final class Agents {
    private Agents() {}

    /** @param availability online (gets new conversations), away or offline */
    public record Availability(
            String agent,

            @NotNull @Pattern(regexp = "online|away|offline")
            String availability) {}
}
