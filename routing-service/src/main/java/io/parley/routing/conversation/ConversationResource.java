package io.parley.routing.conversation;

import io.parley.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

/** Conversations for agent-gateway, which decides who may see what; this API is internal to the cluster. */
@Path("/conversations")
@Produces(MediaType.APPLICATION_JSON)
public class ConversationResource {
    static final int MAX_LIMIT = 200;

    private final ConversationQueryService conversations;

    public ConversationResource(ConversationQueryService conversations) {
        this.conversations = conversations;
    }

    @GET
    public Uni<List<ConversationView>> search(
            @QueryParam("assignee") String assignee,
            @QueryParam("team") List<String> teams,
            @QueryParam("status") String status,
            @QueryParam("inbox") String inboxId,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badRequest("limit must be between 1 and " + MAX_LIMIT);
        }
        return conversations.search(new ConversationQuery(assignee, teams, status, inboxId), limit);
    }

    @GET
    @Path("/{id}")
    public Uni<ConversationView> detail(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No conversation " + id + ".");
        }
        return conversations.detail(uuid);
    }
}
