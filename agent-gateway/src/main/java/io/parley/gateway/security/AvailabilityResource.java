package io.parley.gateway.security;

import io.parley.contracts.api.Agents;
import io.parley.gateway.downstream.AgentsClient;
import io.parley.gateway.downstream.Downstream;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Agents say whether they take new conversations: online, away or offline. Coming online serves the queue. */
@Path("/api/me/availability")
@RolesAllowed({Agent.AGENT, Agent.SUPERVISOR, Agent.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AvailabilityResource {
    private final AgentsClient agents;
    private final SecurityIdentity identity;

    public AvailabilityResource(@RestClient AgentsClient agents, SecurityIdentity identity) {
        this.agents = agents;
        this.identity = identity;
    }

    /** {"agent", "availability"}: what routing assigns by. */
    @GET
    public Uni<Agents.Availability> get() {
        return Downstream.call(
                Downstream.ROUTING, agents.availability(Agent.of(identity).username()));
    }

    /** {"availability": "online|away|offline"}; the agent is always the caller. */
    @PUT
    public Uni<Agents.Availability> set(@Valid @NotNull Agents.Availability request) {
        String me = Agent.of(identity).username();
        return Downstream.call(
                Downstream.ROUTING, agents.availability(me, new Agents.Availability(me, request.availability())));
    }
}
