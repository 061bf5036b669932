package io.parley.gateway.downstream;

import io.parley.contracts.api.Teams;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** routing-service's teams: rosters with skills and capacity, assignment policy, hours and SLA, typed by the contract. */
@AccessToken
@RegisterRestClient(configKey = "routing")
@Path("/teams")
@Consumes(MediaType.APPLICATION_JSON)
public interface TeamsClient {
    @GET
    Uni<List<Teams.Team>> list();

    @GET
    @Path("/{team}")
    Uni<Teams.Team> get(@PathParam("team") String team);

    @PUT
    @Path("/{team}/members/{agent}")
    Uni<Void> putMember(@PathParam("team") String team, @PathParam("agent") String agent, Teams.MemberRequest request);

    @DELETE
    @Path("/{team}/members/{agent}")
    Uni<Void> removeMember(@PathParam("team") String team, @PathParam("agent") String agent);

    @PUT
    @Path("/{team}/policy")
    Uni<Teams.Policy> putPolicy(@PathParam("team") String team, Teams.Policy policy);

    @PUT
    @Path("/{team}/settings")
    Uni<Void> putSettings(@PathParam("team") String team, Teams.Settings settings);

    @GET
    @Path("/{team}/queue")
    Uni<List<Teams.QueueEntry>> queue(@PathParam("team") String team);
}
