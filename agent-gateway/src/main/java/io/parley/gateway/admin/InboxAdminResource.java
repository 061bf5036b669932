package io.parley.gateway.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.gateway.downstream.Downstream;
import io.parley.gateway.downstream.IngestClient;
import io.parley.gateway.security.Agent;
import io.parley.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Admins connect channel accounts here; ingest-service stores them and verifies webhooks against their secrets. */
@Path("/api/admin/inboxes")
@RolesAllowed(Agent.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: inboxes")
public class InboxAdminResource {

    private final IngestClient ingest;
    private final ObjectMapper mapper;

    public InboxAdminResource(@RestClient IngestClient ingest, ObjectMapper mapper) {
        this.ingest = ingest;
        this.mapper = mapper;
    }

    @GET
    @Operation(summary = "All inboxes, without secrets")
    public Uni<JsonNode> list() {
        return Downstream.call(Downstream.INGEST, ingest.list());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One inbox, with its webhook path, without secrets")
    @APIResponse(responseCode = "404", description = "No such inbox")
    public Uni<JsonNode> get(@PathParam("id") String id) {
        return Downstream.call(Downstream.INGEST, ingest.get(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or change an inbox", description = "Omitted secrets keep their current values.")
    @APIResponse(responseCode = "422", description = "Missing or invalid fields, as problem details")
    public Uni<JsonNode> put(@PathParam("id") String id, @Valid @NotNull InboxRequest inbox) {
        if (inbox == null) {
            throw ProblemException.badRequest("A JSON body with channel, name and team is required.");
        }
        return Downstream.call(Downstream.INGEST, ingest.put(id, mapper.valueToTree(inbox)));
    }

    @POST
    @Path("/{id}/replay")
    @Operation(
            summary = "Re-publish what the inbox accepted in a time range",
            description = "from inclusive, to exclusive, ISO-8601 instants; consumers drop events they already have.")
    public Uni<JsonNode> replay(
            @PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
        return Downstream.call(Downstream.INGEST, ingest.replay(id, from, to));
    }
}
