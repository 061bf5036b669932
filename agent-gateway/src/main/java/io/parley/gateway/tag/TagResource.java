package io.parley.gateway.tag;

import io.parley.contracts.api.Tags;
import io.parley.gateway.downstream.Downstream;
import io.parley.gateway.downstream.TagsClient;
import io.parley.gateway.security.Agent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The tag taxonomy, read by every agent to pick tags. */
@Path("/api/tags")
@RolesAllowed({Agent.AGENT, Agent.SUPERVISOR, Agent.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tags")
public class TagResource {
    private final TagsClient tags;

    public TagResource(@RestClient TagsClient tags) {
        this.tags = tags;
    }

    @GET
    public Uni<List<Tags.Tag>> list() {
        return Downstream.call(Downstream.ROUTING, tags.list());
    }
}
