package io.parley.gateway.tag;

import io.parley.contracts.api.Tags;
import io.parley.gateway.downstream.Downstream;
import io.parley.gateway.downstream.TagsClient;
import io.parley.gateway.security.Agent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Admins add, describe and delete tags (routing-service keeps and audits the taxonomy). */
@Path("/api/admin/tags/{name}")
@RolesAllowed(Agent.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: tags")
public class TagAdminResource {
    private final TagsClient tags;

    public TagAdminResource(@RestClient TagsClient tags) {
        this.tags = tags;
    }

    @PUT
    @Operation(summary = "Creates a tag or changes its description")
    public Uni<Tags.Tag> put(@PathParam("name") @Pattern(regexp = Tags.NAME) String name, @Valid Tags.Tag tag) {
        return Downstream.call(Downstream.ROUTING, tags.put(name, tag));
    }

    @DELETE
    @Operation(summary = "Deletes a tag and takes it off every conversation")
    public Uni<Void> delete(@PathParam("name") @Pattern(regexp = Tags.NAME) String name) {
        return Downstream.call(Downstream.ROUTING, tags.delete(name));
    }
}
