package io.parley.routing.assignment;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Team rosters. Internal API: the gateway (and ./parley up for the demo) keep it in line with Keycloak's groups. */
@Path("/teams/{team}")
@Produces(MediaType.APPLICATION_JSON)
public class TeamResource {
    private final TeamService teams;

    public TeamResource(TeamService teams) {
        this.teams = teams;
    }

    @GET
    public Uni<TeamService.TeamView> get(@PathParam("team") String team) {
        return teams.get(team);
    }

    @PUT
    @Path("/members/{agent}")
    public Uni<Void> addMember(@PathParam("team") String team, @PathParam("agent") String agent) {
        return teams.addMember(team, agent);
    }

    @DELETE
    @Path("/members/{agent}")
    public Uni<Void> removeMember(@PathParam("team") String team, @PathParam("agent") String agent) {
        return teams.removeMember(team, agent);
    }
}
