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

/**
 * A conversation from routing-service, if the agent may see it (TeamScope); 403 otherwise. {@link #check} asks routing
 * only whose it is, for the calls that need no more (actions, presence, its timeline).
 */
@ApplicationScoped
public class VisibleConversations {

    private final RoutingClient routing;

    public VisibleConversations(@RestClient RoutingClient routing) {
        this.routing = routing;
    }

    public Uni<Conversations.Conversation> find(Agent agent, String id) {
        return Downstream.call(Downstream.ROUTING, routing.detail(id))
                .invoke(conversation -> mustSee(agent, conversation.team(), conversation.assignee()));
    }

    public Uni<Conversations.Scope> check(Agent agent, String id) {
        return Downstream.call(Downstream.ROUTING, routing.scope(id))
                .invoke(scope -> mustSee(agent, scope.team(), scope.assignee()));
    }

    private static void mustSee(Agent agent, String team, String assignee) {
        if (!TeamScope.maySee(agent, team, assignee)) {
            throw new ForbiddenException("This conversation belongs to another team.");
        }
    }
}
