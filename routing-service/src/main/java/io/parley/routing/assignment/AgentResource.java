package io.parley.routing.assignment;

import io.parley.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.Locale;

/** Agents' availability, set through the gateway by the agents themselves. Coming online serves the queues. */
@Path("/agents/{agent}/availability")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgentResource {
    public record AvailabilityView(String agent, String availability) {}

    private final AvailabilityService availability;
    private final TeamQueue queue;

    public AgentResource(AvailabilityService availability, TeamQueue queue) {
        this.availability = availability;
        this.queue = queue;
    }

    @PUT
    public Uni<AvailabilityView> put(@PathParam("agent") String agent, AvailabilityView body) {
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
                .replaceWith(new AvailabilityView(agent, value.name().toLowerCase(Locale.ROOT)));
    }

    @ApplicationScoped
    public static class AvailabilityService {
        private final Clock clock;

        public AvailabilityService(Clock clock) {
            this.clock = clock;
        }

        @WithTransaction
        public Uni<Void> set(String username, Availability value) {
            return Agent.<Agent>findById(username).flatMap(agent -> {
                if (agent == null) {
                    agent = new Agent();
                    agent.username = username;
                    agent.availability = value;
                    agent.updatedAt = clock.instant();
                    return agent.persist().replaceWithVoid();
                }
                agent.availability = value;
                agent.updatedAt = clock.instant();
                return Uni.createFrom().voidItem();
            });
        }
    }
}
