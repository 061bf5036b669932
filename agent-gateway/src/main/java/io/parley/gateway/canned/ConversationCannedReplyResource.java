package io.parley.gateway.canned;

import io.parley.contracts.api.CannedReplies;
import io.parley.gateway.conversation.VisibleConversations;
import io.parley.gateway.downstream.CannedRepliesClient;
import io.parley.gateway.downstream.Downstream;
import io.parley.gateway.security.Agent;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** A conversation's team's canned replies, with its customer's and the caller's names filled in. */
@Path("/api/conversations/{id}/canned-replies")
@RolesAllowed({Agent.AGENT, Agent.SUPERVISOR, Agent.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class ConversationCannedReplyResource {
    private final CannedRepliesClient canned;
    private final VisibleConversations conversations;
    private final SecurityIdentity identity;

    public ConversationCannedReplyResource(
            @RestClient CannedRepliesClient canned, VisibleConversations conversations, SecurityIdentity identity) {
        this.canned = canned;
        this.conversations = conversations;
        this.identity = identity;
    }

    @GET
    public Uni<List<CannedReplies.CannedReply>> forConversation(@PathParam("id") UUID id) {
        Agent agent = Agent.of(identity);
        String agentName = Agent.displayName(identity);
        return conversations.find(agent, id.toString()).flatMap(conversation -> {
            String team = conversation.team();
            if (team == null) {
                return Uni.createFrom().item(List.<CannedReplies.CannedReply>of());
            }
            String contactName = conversation.contact() == null
                    ? null
                    : conversation.contact().displayName();
            return Downstream.call(Downstream.ROUTING, canned.list(List.of(team)))
                    .map(replies -> replies.stream()
                            .map(reply -> new CannedReplies.CannedReply(
                                    reply.id(),
                                    reply.team(),
                                    reply.shortcut(),
                                    reply.title(),
                                    CannedReplyPlaceholders.fill(reply.text(), contactName, agentName)))
                            .toList());
        });
    }
}
