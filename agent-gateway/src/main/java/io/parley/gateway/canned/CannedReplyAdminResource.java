package io.parley.gateway.canned;

import io.parley.contracts.api.CannedReplies;
import io.parley.gateway.downstream.CannedRepliesClient;
import io.parley.gateway.downstream.Downstream;
import io.parley.gateway.security.Agent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Admins write canned replies (routing-service keeps and audits them). */
@Path("/api/admin/canned-replies")
@RolesAllowed(Agent.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CannedReplyAdminResource {
    private final CannedRepliesClient canned;

    public CannedReplyAdminResource(@RestClient CannedRepliesClient canned) {
        this.canned = canned;
    }

    @POST
    public Uni<CannedReplies.CannedReply> create(@Valid @NotNull CannedReplies.CannedReplyRequest request) {
        return Downstream.call(Downstream.ROUTING, canned.create(request));
    }

    @PUT
    @Path("/{id}")
    public Uni<CannedReplies.CannedReply> update(
            @PathParam("id") UUID id, @Valid @NotNull CannedReplies.CannedReplyRequest request) {
        return Downstream.call(Downstream.ROUTING, canned.update(id, request));
    }

    @DELETE
    @Path("/{id}")
    public Uni<Void> delete(@PathParam("id") UUID id) {
        return Downstream.call(Downstream.ROUTING, canned.delete(id));
    }
}
