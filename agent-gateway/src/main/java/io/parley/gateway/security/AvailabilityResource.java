package io.parley.gateway.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.gateway.downstream.AgentsClient;
import io.parley.gateway.downstream.Downstream;
import io.parley.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Agents say whether they take new conversations: online, away or offline. Coming online serves the queue. */
@Path("/api/me/availability")
@RolesAllowed({Agent.AGENT, Agent.SUPERVISOR, Agent.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AvailabilityResource {
    static final Set<String> VALUES = Set.of("online", "away", "offline");

    public record AvailabilityRequest(String availability) {}

    private final AgentsClient agents;
    private final SecurityIdentity identity;

    public AvailabilityResource(@RestClient AgentsClient agents, SecurityIdentity identity) {
        this.agents = agents;
        this.identity = identity;
    }

    /** {"agent", "availability"}: what routing assigns by. */
    @GET
    public Uni<JsonNode> get() {
        return Downstream.call(
                Downstream.ROUTING, agents.availability(Agent.of(identity).username()));
    }

    @PUT
    public Uni<JsonNode> set(AvailabilityRequest request) {
        if (request == null || request.availability() == null || !VALUES.contains(request.availability())) {
            throw ProblemException.unprocessable("availability must be online, away or offline");
        }
        return Downstream.call(
                Downstream.ROUTING,
                agents.availability(Agent.of(identity).username(), Map.of("availability", request.availability())));
    }
}
