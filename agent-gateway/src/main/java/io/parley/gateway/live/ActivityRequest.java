package io.parley.gateway.live;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Body of POST /api/conversations/{id}/activity. @param kind viewing, typing or left */
public record ActivityRequest(
        @NotNull @Pattern(regexp = "viewing|typing|left") String kind) {}
