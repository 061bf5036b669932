package io.parley.routing.assignment;

import io.parley.contracts.ConversationEvents;
import io.parley.contracts.EventTypes;
import io.parley.routing.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Locale;

/**
 * Tells metrics-service (agent.availability_changed) an agent's availability and teams as they are in the caller's
 * transaction, whenever either changes: the live view counts each team's agents online and away from these.
 */
@ApplicationScoped
public class AgentPresence {
    private final Outbox outbox;

    public AgentPresence(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> announce(String username, Instant now) {
        return Agent.<Agent>findById(username)
                .flatMap(agent -> agent == null
                        ? Uni.createFrom().voidItem()
                        : TeamMember.<TeamMember>list("agent", username)
                                .flatMap(memberships -> outbox.agentEvent(
                                        EventTypes.AGENT_AVAILABILITY_CHANGED,
                                        username,
                                        now,
                                        new ConversationEvents.AgentAvailabilityChanged(
                                                username,
                                                agent.availability.name().toLowerCase(Locale.ROOT),
                                                memberships.stream()
                                                        .map(m -> m.team)
                                                        .sorted()
                                                        .toList(),
                                                now))));
    }
}
