package io.parley.contracts.api;

import jakarta.validation.constraints.Size;

/** routing-service's tag taxonomy ({@code /tags}), as routing answers and the gateway calls it. */
public final class Tags {
    /** Tags are named as team ids are: lower-case letters, digits and dashes. */
    public static final String NAME = Teams.ID;

    private Tags() {}

    public record Tag(String name, @Size(max = 500) String description) {}
}
