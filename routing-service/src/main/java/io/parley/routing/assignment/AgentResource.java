package io.parley.routing.assignment;

import io.parley.contracts.api.Agents;
import io.parley.problem.ProblemException;
import io.parley.routing.audit.AuditLog;
import io.parley.security.Actor;
import io.parley.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * Agents' availability, set through the gateway by the agents themselves (supervisors may set anyone's). Coming online
 * serves the queues.
 */
@Path("/agents/{agent}/availability")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgentResource {
    private final AvailabilityService availability;
    private final TeamQueue queue;
    private final SecurityIdentity identity;
    private final AuditLog audit;

    public AgentResource(AvailabilityService availability, TeamQueue queue, SecurityIdentity identity, AuditLog audit) {
        this.audit = audit;
        this.availability = availability;
        this.queue = queue;
        this.identity = identity;
    }

    /** An agent's availability now; offline for someone routing has never seen. Agents read only their own. */
    @GET
    public Uni<Agents.Availability> get(@PathParam("agent") String agent) {
        Actor actor = Actor.of(identity);
        if (!actor.supervises() && !actor.username().equals(agent)) {
            throw new ForbiddenException("Agents can only read their own availability.");
        }
        return availability
                .of(agent)
                .map(value -> new Agents.Availability(agent, value.name().toLowerCase(Locale.ROOT)));
    }

    @PUT
    public Uni<Agents.Availability> put(@PathParam("agent") String agent, Agents.Availability body) {
        Actor actor = Actor.of(identity);
        if (!actor.supervises() && !actor.username().equals(agent)) {
            throw new ForbiddenException("Agents can only set their own availability.");
        }
        if (body == null || body.availability() == null) {
            throw ProblemException.unprocessable("availability is required: online, away or offline");
        }
        Availability value;
        try {
            value = Availability.valueOf(body.availability().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable("availability must be online, away or offline");
        }
        return availability
                .set(agent, value)
                .call(() -> value == Availability.ONLINE
                        ? queue.drainAll()
                        : Uni.createFrom().item(0))
                .call(() -> audit.record(
                        actor,
                        "agent.availability_set",
                        "agent",
                        agent,
                        value.name().toLowerCase(Locale.ROOT)))
                .replaceWith(new Agents.Availability(agent, value.name().toLowerCase(Locale.ROOT)));
    }

    @ApplicationScoped
    public static class AvailabilityService {
        private final Clock clock;
        private final AgentPresence presence;

        public AvailabilityService(Clock clock, AgentPresence presence) {
            this.clock = clock;
            this.presence = presence;
        }

        @WithSession
        public Uni<Availability> of(String username) {
            return Agent.<Agent>findById(username)
                    .map(agent -> agent == null ? Availability.OFFLINE : agent.availability);
        }

        /** Stores it and tells metrics-service (agents online and away per team on the live view). */
        @WithTransaction
        public Uni<Void> set(String username, Availability value) {
            Instant now = clock.instant();
            return Agent.<Agent>findById(username)
                    .flatMap(agent -> {
                        if (agent == null) {
                            agent = new Agent();
                            agent.username = username;
                            agent.availability = value;
                            agent.updatedAt = now;
                            return agent.persist().replaceWithVoid();
                        }
                        agent.availability = value;
                        agent.updatedAt = now;
                        return Uni.createFrom().voidItem();
                    })
                    .flatMap(v -> presence.announce(username, now));
        }
    }
}
