package io.parley.gateway.downstream;

import io.parley.contracts.api.Conversations;
import io.parley.contracts.api.Timeline;
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
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * routing-service's conversation API; the gateway passes its JSON through after deciding who may see and do what, and
 * passes on the caller's own bearer token, from which routing takes the actor.
 */
@AccessToken
@RegisterRestClient(configKey = "routing")
@Path("/conversations")
@Consumes(MediaType.APPLICATION_JSON)
public interface RoutingClient {
    /** A page of conversations; its X-Next-Cursor header, when present, asks for the next. */
    @GET
    Uni<RestResponse<List<Conversations.Conversation>>> search(
            @QueryParam("assignee") String assignee,
            @QueryParam("team") List<String> teams,
            @QueryParam("status") String status,
            @QueryParam("tag") String tag,
            @QueryParam("priority") String priority,
            @QueryParam("channel") String channel,
            @QueryParam("inbox") String inbox,
            @QueryParam("q") String text,
            @QueryParam("slaDueWithinMinutes") Integer slaDueWithinMinutes,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);

    @GET
    @Path("/count")
    Uni<Conversations.Count> count(
            @QueryParam("assignee") String assignee,
            @QueryParam("team") List<String> teams,
            @QueryParam("status") String status);

    @GET
    @Path("/{id}")
    Uni<Conversations.Conversation> detail(@PathParam("id") String id);

    @GET
    @Path("/{id}/sla")
    Uni<List<Conversations.SlaTimer>> sla(@PathParam("id") String id);

    @GET
    @Path("/{id}/scope")
    Uni<Conversations.Scope> scope(@PathParam("id") String id);

    @GET
    @Path("/{id}/timeline")
    Uni<List<Timeline.Entry>> timeline(@PathParam("id") String id);

    @POST
    @Path("/{id}/assign")
    Uni<Void> assign(@PathParam("id") String id, Conversations.AssignRequest request);

    @POST
    @Path("/{id}/unassign")
    Uni<Void> unassign(@PathParam("id") String id);

    @POST
    @Path("/{id}/transfer")
    Uni<Void> transfer(@PathParam("id") String id, Conversations.TransferRequest request);

    @POST
    @Path("/{id}/tags")
    Uni<Void> tag(@PathParam("id") String id, Conversations.TagRequest request);

    @DELETE
    @Path("/{id}/tags/{tag}")
    Uni<Void> untag(@PathParam("id") String id, @PathParam("tag") String tag);

    @PUT
    @Path("/{id}/priority")
    Uni<Void> priority(@PathParam("id") String id, Conversations.PriorityRequest request);

    @PUT
    @Path("/{id}/status")
    Uni<Void> status(@PathParam("id") String id, Conversations.StatusRequest request);

    @POST
    @Path("/{id}/notes")
    Uni<Void> note(@PathParam("id") String id, Conversations.TextRequest request);
}
