package io.parley.gateway.conversation;

import io.parley.contracts.api.Conversations;
import io.parley.contracts.api.Timeline;
import io.parley.gateway.downstream.Downstream;
import io.parley.gateway.downstream.RoutingClient;
import io.parley.gateway.security.Agent;
import io.parley.gateway.security.TeamScope;
import io.parley.gateway.validation.ValidationProblems;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * What agents do to a conversation they may see: take it or (supervisors) give it to someone, transfer, tag, set
 * priority and status, snooze, leave a private note. routing-service applies it, with the caller as the actor.
 */
@Path("/api/conversations/{id}")
@RolesAllowed({Agent.AGENT, Agent.SUPERVISOR, Agent.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConversationActionsResource {

    private final RoutingClient routing;
    private final VisibleConversations conversations;
    private final SecurityIdentity identity;
    private final Validator validator;

    public ConversationActionsResource(
            @RestClient RoutingClient routing,
            VisibleConversations conversations,
            SecurityIdentity identity,
            Validator validator) {
        this.routing = routing;
        this.conversations = conversations;
        this.identity = identity;
        this.validator = validator;
    }

    @GET
    @Path("/sla")
    public Uni<List<Conversations.SlaTimer>> sla(@PathParam("id") String id) {
        return act(id, () -> routing.sla(id));
    }

    /** Assignments, transfers, tags, priority and status changes and SLA breaches, oldest first, with who did them. */
    @GET
    @Path("/timeline")
    public Uni<List<Timeline.Entry>> timeline(@PathParam("id") String id) {
        return act(id, () -> routing.timeline(id));
    }

    /** Agents may only take a conversation themselves ("me" or their own name); supervisors assign anyone. */
    @POST
    @Path("/assign")
    public Uni<Void> assign(@PathParam("id") String id, @Valid Conversations.AssignRequest request) {
        Agent agent = Agent.of(identity);
        String target = request == null || request.agent() == null || TeamScope.ME.equals(request.agent())
                ? agent.username()
                : request.agent();
        if (!agent.seesAllTeams() && !target.equals(agent.username())) {
            throw new ForbiddenException("Agents can only assign conversations to themselves.");
        }
        return act(id, () -> routing.assign(id, new Conversations.AssignRequest(target)));
    }

    /** Takes no body: any content type, or none, is fine. */
    @POST
    @Path("/unassign")
    @Consumes(MediaType.WILDCARD)
    public Uni<Void> unassign(@PathParam("id") String id) {
        return act(id, () -> routing.unassign(id));
    }

    @POST
    @Path("/transfer")
    public Uni<Void> transfer(@PathParam("id") String id, Conversations.TransferRequest request) {
        return act(id, request, () -> routing.transfer(id, request));
    }

    @POST
    @Path("/tags")
    public Uni<Void> tag(@PathParam("id") String id, Conversations.TagRequest request) {
        return act(id, request, () -> routing.tag(id, request));
    }

    @DELETE
    @Path("/tags/{tag}")
    public Uni<Void> untag(@PathParam("id") String id, @PathParam("tag") String tag) {
        return act(id, () -> routing.untag(id, tag));
    }

    @PUT
    @Path("/priority")
    public Uni<Void> priority(@PathParam("id") String id, Conversations.PriorityRequest request) {
        return act(id, request, () -> routing.priority(id, request));
    }

    /** {"status": "open|pending|snoozed|resolved", "snoozedUntil": "2026-12-01T09:00:00Z"} */
    @PUT
    @Path("/status")
    public Uni<Void> status(@PathParam("id") String id, Conversations.StatusRequest request) {
        return act(id, request, () -> routing.status(id, request));
    }

    @POST
    @Path("/notes")
    public Uni<Void> note(@PathParam("id") String id, Conversations.TextRequest request) {
        return act(id, request, () -> routing.note(id, request));
    }

    /** Checks the caller may see the conversation, then lets routing act with the caller's own token. */
    private <T> Uni<T> act(String id, Supplier<Uni<T>> action) {
        return conversations
                .check(Agent.of(identity), id)
                .flatMap(scope -> Downstream.call(Downstream.ROUTING, action.get()));
    }

    /**
     * As above, and the request's constraints are checked once the caller may see the conversation: someone who may
     * not learns nothing from how their request was refused (403 before 422).
     */
    private <T> Uni<T> act(String id, Object request, Supplier<Uni<T>> action) {
        return act(id, () -> {
            ValidationProblems.check(validator, request);
            return action.get();
        });
    }
}
