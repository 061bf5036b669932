package io.parley.gateway.canned;

import io.parley.contracts.api.CannedReplies;
import io.parley.gateway.downstream.CannedRepliesClient;
import io.parley.gateway.downstream.Downstream;
import io.parley.gateway.security.Agent;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Canned replies for the caller: their teams' (supervisors and admins every team's). routing-service keeps them. */
@Path("/api/canned-replies")
@RolesAllowed({Agent.AGENT, Agent.SUPERVISOR, Agent.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class CannedReplyResource {

    private final CannedRepliesClient canned;
    private final SecurityIdentity identity;

    public CannedReplyResource(@RestClient CannedRepliesClient canned, SecurityIdentity identity) {
        this.canned = canned;
        this.identity = identity;
    }

    @GET
    public Uni<List<CannedReplies.CannedReply>> list() {
        Agent agent = Agent.of(identity);
        if (!agent.seesAllTeams() && agent.teams().isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Downstream.call(Downstream.ROUTING, canned.list(agent.seesAllTeams() ? List.of() : agent.teams()));
    }
}
