package io.parley.gateway.conversation;

import com.fasterxml.jackson.databind.JsonNode;
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

    public Uni<JsonNode> find(Agent agent, String id) {
        return Downstream.call(Downstream.ROUTING, routing.detail(id)).invoke(conversation -> {
            if (!TeamScope.maySee(
                    agent,
                    conversation.path("team").asText(null),
                    conversation.path("assignee").asText(null))) {
                throw new ForbiddenException("This conversation belongs to another team.");
            }
        });
    }
}
