package io.parley.routing.conversation;

import io.parley.contracts.api.Conversations;
import io.parley.contracts.api.Timeline;
import io.parley.problem.ProblemException;
import io.parley.security.Actor;
import io.parley.security.Roles;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Conversations for agent-gateway, which passes on the agent's token and keeps agents to their teams. This API checks
 * the roles again and takes the actor of every action from the verified token.
 */
@Path("/conversations")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConversationResource {
    static final int MAX_LIMIT = 200;

    private final ConversationQueryService conversations;
    private final ConversationCommands commands;
    private final SecurityIdentity identity;
    private final java.time.Clock clock;

    public ConversationResource(
            ConversationQueryService conversations,
            ConversationCommands commands,
            SecurityIdentity identity,
            java.time.Clock clock) {
        this.conversations = conversations;
        this.commands = commands;
        this.identity = identity;
        this.clock = clock;
    }

    /** The header naming where the next page starts; absent on the last page. */
    public static final String NEXT_CURSOR = "X-Next-Cursor";

    /**
     * Conversations with the latest message first, a page of {@code limit} at a time: pass the {@value #NEXT_CURSOR}
     * header of one page as {@code cursor} to get the next.
     */
    @GET
    public Uni<RestResponse<List<Conversations.Conversation>>> search(
            @BeanParam ConversationFilters filters,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badRequest("limit must be between 1 and " + MAX_LIMIT);
        }
        ConversationCursor after = cursor == null || cursor.isBlank() ? null : ConversationCursor.parse(cursor);
        return conversations
                .search(filters.query(after, clock.instant()), limit)
                .map(page -> {
                    RestResponse.ResponseBuilder<List<Conversations.Conversation>> response =
                            RestResponse.ResponseBuilder.ok(page.conversations());
                    if (page.next() != null) {
                        response.header(NEXT_CURSOR, page.next().encode());
                    }
                    return response.build();
                });
    }

    /** How many conversations GET /conversations would find with these filters, without a limit. */
    @GET
    @Path("/count")
    public Uni<Conversations.Count> count(@BeanParam ConversationFilters filters) {
        return conversations.count(filters.query(null, clock.instant())).map(Conversations.Count::new);
    }

    @GET
    @Path("/{id}")
    public Uni<Conversations.Conversation> detail(@PathParam("id") String id) {
        return conversations.detail(id(id));
    }

    @GET
    @Path("/{id}/scope")
    public Uni<Conversations.Scope> scope(@PathParam("id") String id) {
        return conversations.scope(id(id));
    }

    @GET
    @Path("/{id}/timeline")
    public Uni<List<Timeline.Entry>> timeline(@PathParam("id") String id) {
        return conversations.timeline(id(id));
    }

    @GET
    @Path("/{id}/sla")
    public Uni<List<Conversations.SlaTimer>> sla(@PathParam("id") String id) {
        return conversations.sla(id(id));
    }

    @POST
    @Path("/{id}/assign")
    public Uni<Void> assign(@PathParam("id") String id, Conversations.AssignRequest request) {
        Actor actor = Actor.of(identity);
        if (request == null || request.agent() == null || request.agent().isBlank()) {
            throw ProblemException.unprocessable("agent is required");
        }
        if (!actor.supervises() && !request.agent().equals(actor.username())) {
            throw new ForbiddenException("Agents can only assign conversations to themselves.");
        }
        return commands.assign(id(id), request.agent(), actor.username());
    }

    @POST
    @Path("/{id}/unassign")
    public Uni<Void> unassign(@PathParam("id") String id) {
        return commands.unassign(id(id), actor());
    }

    @POST
    @Path("/{id}/transfer")
    public Uni<Void> transfer(@PathParam("id") String id, Conversations.TransferRequest request) {
        if (request == null || request.team() == null || request.team().isBlank()) {
            throw ProblemException.unprocessable("team is required");
        }
        return commands.transfer(id(id), request.team(), actor());
    }

    @POST
    @Path("/{id}/tags")
    public Uni<Void> tag(@PathParam("id") String id, Conversations.TagRequest request) {
        if (request == null || request.tag() == null || request.tag().isBlank()) {
            throw ProblemException.unprocessable("tag is required");
        }
        return commands.addTag(id(id), request.tag(), actor());
    }

    @DELETE
    @Path("/{id}/tags/{tag}")
    public Uni<Void> untag(@PathParam("id") String id, @PathParam("tag") String tag) {
        return commands.removeTag(id(id), tag, actor());
    }

    @PUT
    @Path("/{id}/priority")
    public Uni<Void> priority(@PathParam("id") String id, Conversations.PriorityRequest request) {
        return commands.priority(id(id), request == null ? null : request.priority(), actor());
    }

    /** open, pending, snoozed (with snoozedUntil) or resolved. */
    @PUT
    @Path("/{id}/status")
    public Uni<Void> status(@PathParam("id") String id, Conversations.StatusRequest request) {
        if (request == null) {
            throw ProblemException.unprocessable("status is required");
        }
        return commands.status(id(id), request.status(), request.snoozedUntil(), actor());
    }

    @POST
    @Path("/{id}/notes")
    public Uni<Void> note(@PathParam("id") String id, Conversations.TextRequest request) {
        return commands.note(id(id), actor(), text(request));
    }

    /** Queued for delivery through ingest; the conversation shows it once the channel took it (or why not). */
    @POST
    @Path("/{id}/replies")
    public Uni<Response> reply(@PathParam("id") String id, Conversations.TextRequest request) {
        return commands.reply(id(id), actor(), text(request))
                .map(replyId -> Response.accepted(Map.of("replyId", replyId, "status", "queued"))
                        .build());
    }

    private static String text(Conversations.TextRequest request) {
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw ProblemException.unprocessable("text is required");
        }
        if (request.text().length() > Conversations.MAX_TEXT) {
            throw ProblemException.unprocessable("text is longer than " + Conversations.MAX_TEXT + " characters");
        }
        return request.text();
    }

    private String actor() {
        return Actor.of(identity).username();
    }

    private static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No conversation " + id + ".");
        }
    }
}
