package io.parley.contracts.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/** routing-service's SLA policies ({@code /sla-policies}), as routing answers and the gateway calls it. */
public final class SlaPolicies {
    private SlaPolicies() {}

    /**
     * Targets in whole minutes; a target left out is not timed.
     *
     * @param businessHours count only the team's open hours
     * @param unansweredMinutes a conversation unanswered this long is escalated to escalationTeam
     */
    public record Policy(
            String id,
            @Min(1) Integer firstResponseMinutes,
            @Min(1) Integer nextResponseMinutes,
            @Min(1) Integer resolutionMinutes,
            boolean businessHours,
            @Min(1) Integer unansweredMinutes,
            @Pattern(regexp = Teams.ID) String escalationTeam) {}
}
