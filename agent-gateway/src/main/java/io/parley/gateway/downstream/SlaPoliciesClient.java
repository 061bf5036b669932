package io.parley.gateway.downstream;

import io.parley.contracts.api.SlaPolicies;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** routing-service's SLA policies, typed by the contract. */
@AccessToken
@RegisterRestClient(configKey = "routing")
@Path("/sla-policies")
@Consumes(MediaType.APPLICATION_JSON)
public interface SlaPoliciesClient {
    @GET
    Uni<List<SlaPolicies.Policy>> list();

    @GET
    @Path("/{id}")
    Uni<SlaPolicies.Policy> get(@PathParam("id") String id);

    @PUT
    @Path("/{id}")
    Uni<SlaPolicies.Policy> put(@PathParam("id") String id, SlaPolicies.Policy policy);
}
