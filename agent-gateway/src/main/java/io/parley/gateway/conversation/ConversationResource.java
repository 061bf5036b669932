package io.parley.gateway.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.gateway.downstream.Downstream;
import io.parley.gateway.downstream.RoutingClient;
import io.parley.gateway.security.Agent;
import io.parley.gateway.security.TeamScope;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The agent's conversation list and detail, scoped to what the caller may see. */
@Path("/api/conversations")
@RolesAllowed({Agent.AGENT, Agent.SUPERVISOR, Agent.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class ConversationResource {
    static final String SERVICE = "routing-service";

    private final RoutingClient routing;
    private final SecurityIdentity identity;

    public ConversationResource(@RestClient RoutingClient routing, SecurityIdentity identity) {
        this.routing = routing;
        this.identity = identity;
    }

    /** @param assignee "me" for the caller's own conversations */
    @GET
    public Uni<JsonNode> list(
            @QueryParam("assignee") String assignee,
            @QueryParam("team") String team,
            @QueryParam("status") String status,
            @QueryParam("limit") Integer limit) {
        TeamScope.Filters filters = TeamScope.conversationFilters(Agent.of(identity), assignee, team);
        return Downstream.call(SERVICE, routing.search(filters.assignee(), filters.teams(), status, limit));
    }

    @GET
    @Path("/{id}")
    public Uni<JsonNode> detail(@PathParam("id") String id) {
        Agent agent = Agent.of(identity);
        return Downstream.call(SERVICE, routing.detail(id)).invoke(conversation -> {
            if (!TeamScope.maySee(
                    agent,
                    conversation.path("team").asText(null),
                    conversation.path("assignee").asText(null))) {
                throw new ForbiddenException("This conversation belongs to another team.");
            }
        });
    }
}
