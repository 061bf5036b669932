package io.parley.gateway.downstream;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** routing-service's contacts: what it holds about a person, and their erasure. */
@AccessToken
@RegisterRestClient(configKey = "routing")
@Path("/contacts/{id}")
public interface ContactsClient {
    @GET
    @Path("/export")
    Uni<JsonNode> export(@PathParam("id") String id);

    @GET
    @Path("/identities")
    Uni<JsonNode> identities(@PathParam("id") String id);

    @POST
    @Path("/erasure")
    Uni<JsonNode> erase(@PathParam("id") String id);
}
