package io.parley.contracts.api;

import jakarta.validation.constraints.Size;

/** routing-service's tag taxonomy ({@code /tags}), as routing answers and the gateway calls it. */
public final class Tags {
    public static final String NAME = "[a-z0-9][a-z0-9-]{0,63}";

    private Tags() {}

    public record Tag(String name, @Size(max = 500) String description) {}
}
