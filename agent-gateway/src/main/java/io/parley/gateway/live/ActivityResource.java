package io.parley.gateway.live;

import io.parley.contracts.AgentActivity;
import io.parley.contracts.EventCodec;
import io.parley.contracts.EventTypes;
import io.parley.gateway.conversation.VisibleConversations;
import io.parley.gateway.messaging.KeyedRecords;
import io.parley.gateway.security.Agent;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Collision detection: an agent's app says who is viewing and typing in a conversation, every replica hears it
 * (agent activity topic), and the others see it live and in {@code GET …/viewers}.
 */
@Path("/api/conversations/{id}")
@RolesAllowed({Agent.AGENT, Agent.SUPERVISOR, Agent.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource {
    private final VisibleConversations conversations;
    private final ConversationViewers viewers;
    private final MutinyEmitter<String> activity;
    private final SecurityIdentity identity;

    public ActivityResource(
            VisibleConversations conversations,
            ConversationViewers viewers,
            @Channel("agent-activity") MutinyEmitter<String> activity,
            SecurityIdentity identity) {
        this.conversations = conversations;
        this.viewers = viewers;
        this.activity = activity;
        this.identity = identity;
    }

    /** 204 once every replica will hear it. */
    @POST
    @Path("/activity")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Void> report(@PathParam("id") UUID id, @Valid @NotNull ActivityRequest request) {
        Agent agent = Agent.of(identity);
        return conversations.check(agent, id.toString()).flatMap(conversation -> {
            Instant now = Instant.now();
            AgentActivity event = new AgentActivity(
                    id,
                    agent.username(),
                    Agent.displayName(identity),
                    request.kind(),
                    conversation.team(),
                    conversation.assignee(),
                    now);
            String key = id.toString();
            String value =
                    EventCodec.encode(UUID.randomUUID(), EventTypes.AGENT_ACTIVITY, "conversation", key, now, event);
            return KeyedRecords.send(activity, key, value, "Activity could not be shared; try again.");
        });
    }

    /** Who else has the conversation open now, and whether they are typing. */
    @GET
    @Path("/viewers")
    public Uni<List<ConversationViewers.Viewer>> viewers(@PathParam("id") UUID id) {
        return conversations.check(Agent.of(identity), id.toString()).map(scope -> viewers.of(id));
    }
}
