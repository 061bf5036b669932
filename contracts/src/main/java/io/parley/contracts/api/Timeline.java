package io.parley.contracts.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/** routing-service's timeline of a conversation ({@code /conversations/{id}/timeline}) besides its messages. */
public final class Timeline {
    private Timeline() {}

    /**
     * Something that happened to the conversation, as its event said it; fields that do not apply are left out.
     *
     * @param type the event's type: conversation.assigned, unassigned, transferred, tagged, untagged, priority_changed,
     *     status_changed, or sla.breached
     * @param actor who did it: an agent's username, policy, sla or rule:&lt;id&gt;
     * @param agent who got it (assigned) or lost it (unassigned)
     * @param from the previous priority, status or team (transferred); {@code to} the new one
     * @param reason why an agent lost it (unassigned)
     * @param until the end of a snooze
     * @param metric the SLA target breached
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(
            UUID eventId,
            String type,
            Instant at,
            String actor,
            String agent,
            String tag,
            String from,
            String to,
            String reason,
            Instant until,
            String metric) {}
}
