package io.parley.gateway.downstream;

import io.parley.contracts.api.BusinessHours;
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

/** routing-service's business hours, typed by the contract. */
@AccessToken
@RegisterRestClient(configKey = "routing")
@Path("/business-hours")
@Consumes(MediaType.APPLICATION_JSON)
public interface BusinessHoursClient {
    @GET
    Uni<List<BusinessHours.Schedule>> list();

    @GET
    @Path("/{id}")
    Uni<BusinessHours.Schedule> get(@PathParam("id") String id);

    @PUT
    @Path("/{id}")
    Uni<BusinessHours.Schedule> put(@PathParam("id") String id, BusinessHours.Schedule schedule);
}
