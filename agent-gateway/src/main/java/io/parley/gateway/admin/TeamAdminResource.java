package io.parley.gateway.admin;

import io.parley.contracts.api.Teams;
import io.parley.gateway.downstream.Downstream;
import io.parley.gateway.downstream.TeamsClient;
import io.parley.gateway.security.Agent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Teams for admins: who is in each (written to Keycloak's group, which is also the agents' teams claim), each
 * member's skills and capacity, the assignment policy, business hours, overnight team and SLA policy.
 */
@Path("/api/admin/teams")
@RolesAllowed(Agent.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: teams")
public class TeamAdminResource {
    private final TeamsClient teams;

    public TeamAdminResource(@RestClient TeamsClient teams) {
        this.teams = teams;
    }

    @GET
    @Operation(summary = "Every team with its roster, policy and settings")
    public Uni<List<Teams.Team>> list() {
        return Downstream.call(Downstream.ROUTING, teams.list());
    }

    @GET
    @Path("/{team}")
    public Uni<Teams.Team> get(@PathParam("team") @Pattern(regexp = Teams.ID) String team) {
        return Downstream.call(Downstream.ROUTING, teams.get(team));
    }

    @PUT
    @Path("/{team}/members/{agent}")
    @Operation(summary = "Adds an agent to the team (creating it on first use), or changes their skills and capacity")
    public Uni<Teams.Team> putMember(
            @PathParam("team") @Pattern(regexp = Teams.ID) String team,
            @PathParam("agent") @Pattern(regexp = Teams.USERNAME) String agent,
            @Valid Teams.MemberRequest request) {
        return Downstream.call(
                Downstream.ROUTING, teams.putMember(team, agent, request).flatMap(v -> teams.get(team)));
    }

    @DELETE
    @Path("/{team}/members/{agent}")
    public Uni<Teams.Team> removeMember(
            @PathParam("team") @Pattern(regexp = Teams.ID) String team,
            @PathParam("agent") @Pattern(regexp = Teams.USERNAME) String agent) {
        return Downstream.call(
                Downstream.ROUTING, teams.removeMember(team, agent).flatMap(v -> teams.get(team)));
    }

    @PUT
    @Path("/{team}/policy")
    @Operation(summary = "How conversations are assigned: round_robin or least_loaded, capacity, skills, fairness")
    public Uni<Teams.Policy> putPolicy(
            @PathParam("team") @Pattern(regexp = Teams.ID) String team, @Valid @NotNull Teams.Policy policy) {
        return Downstream.call(Downstream.ROUTING, teams.putPolicy(team, policy));
    }

    @PUT
    @Path("/{team}/settings")
    @Operation(summary = "The team's business hours, overnight team and SLA policy")
    public Uni<Teams.Team> putSettings(
            @PathParam("team") @Pattern(regexp = Teams.ID) String team, @Valid @NotNull Teams.Settings settings) {
        return Downstream.call(
                Downstream.ROUTING, teams.putSettings(team, settings).flatMap(v -> teams.get(team)));
    }

    @GET
    @Path("/{team}/queue")
    @Operation(summary = "Conversations waiting for an agent, in the order they will be served")
    public Uni<List<Teams.QueueEntry>> queue(@PathParam("team") @Pattern(regexp = Teams.ID) String team) {
        return Downstream.call(Downstream.ROUTING, teams.queue(team));
    }
}
