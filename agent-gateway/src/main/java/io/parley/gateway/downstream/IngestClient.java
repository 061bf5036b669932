package io.parley.gateway.downstream;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** ingest-service's inbox management API. */
@AccessToken
@RegisterRestClient(configKey = "ingest")
@Path("/inboxes")
public interface IngestClient {
    @GET
    Uni<JsonNode> list();

    @GET
    @Path("/{id}")
    Uni<JsonNode> get(@PathParam("id") String id);

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<JsonNode> put(@PathParam("id") String id, JsonNode inbox);

    /** Erases a person (their id on the channel and their threads) from the inbox's archive. */
    @POST
    @Path("/{id}/erasure")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<JsonNode> erase(@PathParam("id") String id, JsonNode person);

    @POST
    @Path("/{id}/replay")
    Uni<JsonNode> replay(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to);
}
