package io.parley.gateway.downstream;

import io.parley.contracts.api.Tags;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** routing-service's tag taxonomy, typed by the contract. */
@AccessToken
@RegisterRestClient(configKey = "routing")
@Path("/tags")
@Consumes(MediaType.APPLICATION_JSON)
public interface TagsClient {
    @GET
    Uni<List<Tags.Tag>> list();

    @PUT
    @Path("/{name}")
    Uni<Tags.Tag> put(@PathParam("name") String name, Tags.Tag tag);

    @DELETE
    @Path("/{name}")
    Uni<Void> delete(@PathParam("name") String name);
}
