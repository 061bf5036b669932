package io.parley.gateway.conversation;

import io.parley.contracts.api.Conversations;
import io.parley.gateway.downstream.Downstream;
import io.parley.gateway.downstream.RoutingClient;
import io.parley.gateway.security.Agent;
import io.parley.gateway.security.TeamScope;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** A conversation from routing-service, if the agent may see it (TeamScope); 403 otherwise. */
@ApplicationScoped
public class VisibleConversations {

    private final RoutingClient routing;

    public VisibleConversations(@RestClient RoutingClient routing) {
        this.routing = routing;
    }

    public Uni<Conversations.Conversation> find(Agent agent, String id) {
        return Downstream.call(Downstream.ROUTING, routing.detail(id)).invoke(conversation -> {
            if (!TeamScope.maySee(agent, conversation.team(), conversation.assignee())) {
                throw new ForbiddenException("This conversation belongs to another team.");
            }
        });
    }
}
