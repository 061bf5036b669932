package io.parley.gateway.downstream;

import io.parley.contracts.api.CannedReplies;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** routing-service's canned replies, typed by the shared contract. */
@AccessToken
@RegisterRestClient(configKey = "routing")
@Path("/canned-replies")
@Consumes(MediaType.APPLICATION_JSON)
public interface CannedRepliesClient {
    @GET
    Uni<List<CannedReplies.CannedReply>> list(@QueryParam("team") List<String> teams);

    @POST
    Uni<CannedReplies.CannedReply> create(CannedReplies.CannedReplyRequest request);

    @PUT
    @Path("/{id}")
    Uni<CannedReplies.CannedReply> update(@PathParam("id") UUID id, CannedReplies.CannedReplyRequest request);

    @DELETE
    @Path("/{id}")
    Uni<Void> delete(@PathParam("id") UUID id);
}
