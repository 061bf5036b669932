package io.parley.gateway.conversation;

import io.parley.contracts.api.Conversations;
import io.parley.gateway.downstream.Downstream;
import io.parley.gateway.downstream.RoutingClient;
import io.parley.gateway.reply.ReplyRequest;
import io.parley.gateway.reply.ReplyService;
import io.parley.gateway.security.Agent;
import io.parley.gateway.security.TeamScope;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** The agent's conversation list and detail, scoped to what the caller may see. */
@Path("/api/conversations")
@RolesAllowed({Agent.AGENT, Agent.SUPERVISOR, Agent.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class ConversationResource {

    private final RoutingClient routing;
    private final VisibleConversations conversations;
    private final ReplyService replies;
    private final SecurityIdentity identity;

    public ConversationResource(
            @RestClient RoutingClient routing,
            VisibleConversations conversations,
            ReplyService replies,
            SecurityIdentity identity) {
        this.routing = routing;
        this.conversations = conversations;
        this.replies = replies;
        this.identity = identity;
    }

    /** The header naming where the next page starts; absent on the last page. */
    public static final String NEXT_CURSOR = "X-Next-Cursor";

    /**
     * The latest conversations first, {@code limit} (default 50, at most 200) a page; the {@value #NEXT_CURSOR} header
     * of a full page is the {@code cursor} of the next.
     *
     * @param assignee "me" for the caller's own conversations, "none" for unassigned ones
     * @param q words to find in the conversation's messages
     * @param slaDueWithinMinutes only conversations with an SLA target running out within this many minutes (or overdue)
     */
    @GET
    public Uni<RestResponse<List<Conversations.Conversation>>> list(
            @QueryParam("assignee") String assignee,
            @QueryParam("team") List<String> teams,
            @QueryParam("status") String status,
            @QueryParam("tag") String tag,
            @QueryParam("priority") String priority,
            @QueryParam("channel") String channel,
            @QueryParam("inbox") String inbox,
            @QueryParam("q") String q,
            @QueryParam("slaDueWithinMinutes") @Min(1) @Max(10080) Integer slaDueWithinMinutes,
            @QueryParam("cursor") @Size(max = 200) String cursor,
            @QueryParam("limit") @Min(1) @Max(200) Integer limit) {
        TeamScope.Filters filters = TeamScope.conversationFiltersOfTeams(Agent.of(identity), assignee, teams);
        return Downstream.call(
                        Downstream.ROUTING,
                        routing.search(
                                filters.assignee(),
                                filters.teams(),
                                status,
                                tag,
                                priority,
                                channel,
                                inbox,
                                q,
                                slaDueWithinMinutes,
                                cursor,
                                limit))
                .map(page -> {
                    RestResponse.ResponseBuilder<List<Conversations.Conversation>> answer =
                            RestResponse.ResponseBuilder.ok(page.getEntity());
                    String next = page.getHeaderString(NEXT_CURSOR);
                    if (next != null) {
                        answer.header(NEXT_CURSOR, next);
                    }
                    return answer.build();
                });
    }

    /** The views of the inbox the caller has, each with how many conversations of {@code status} (default open) it holds. */
    @GET
    @Path("/counts")
    public Uni<Map<String, Long>> counts(@QueryParam("status") @DefaultValue("open") String status) {
        Agent agent = Agent.of(identity);
        Map<String, TeamScope.Filters> views = new LinkedHashMap<>();
        views.put("mine", TeamScope.conversationFilters(agent, TeamScope.ME, null));
        if (agent.seesAllTeams() || !agent.teams().isEmpty()) {
            views.put("unassigned", TeamScope.conversationFilters(agent, TeamScope.NONE, null));
        }
        if (!agent.teams().isEmpty()) {
            views.put("teams", new TeamScope.Filters(null, agent.teams()));
        }
        if (agent.seesAllTeams()) {
            views.put("all", TeamScope.conversationFilters(agent, null, null));
        }
        List<String> names = List.copyOf(views.keySet());
        List<Uni<Long>> counts = names.stream()
                .map(name -> Downstream.call(
                                Downstream.ROUTING,
                                routing.count(
                                        views.get(name).assignee(),
                                        views.get(name).teams(),
                                        status))
                        .map(Conversations.Count::count))
                .toList();
        return Uni.join().all(counts).andFailFast().map(values -> {
            Map<String, Long> answer = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                answer.put(names.get(i), values.get(i));
            }
            return answer;
        });
    }

    @GET
    @Path("/{id}")
    public Uni<Conversations.Conversation> detail(@PathParam("id") String id) {
        return visible(Agent.of(identity), id);
    }

    /**
     * Sends a reply through the conversation's channel. 202: queued for delivery; the outcome appears on the
     * conversation as an outgoing message (delivered or failed, with the reason). {@code publicReply} warns the agent
     * that the reply went out in public (an X reply).
     */
    @POST
    @Path("/{id}/replies")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> reply(@PathParam("id") String id, @Valid @NotNull ReplyRequest request) {
        Agent agent = Agent.of(identity);
        return visible(agent, id)
                .flatMap(conversation -> replies.send(agent, Agent.displayName(identity), conversation, request))
                .map(queued -> Response.accepted(queued).build());
    }

    private Uni<Conversations.Conversation> visible(Agent agent, String id) {
        return conversations.find(agent, id);
    }
}
