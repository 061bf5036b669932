package io.parley.gateway.downstream;

import io.parley.contracts.api.Agents;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** routing-service's agent availability. */
@AccessToken
@RegisterRestClient(configKey = "routing")
@Path("/agents")
@Consumes(MediaType.APPLICATION_JSON)
public interface AgentsClient {
    @GET
    @Path("/{agent}/availability")
    Uni<Agents.Availability> availability(@PathParam("agent") String agent);

    @PUT
    @Path("/{agent}/availability")
    Uni<Agents.Availability> availability(@PathParam("agent") String agent, Agents.Availability body);
}
