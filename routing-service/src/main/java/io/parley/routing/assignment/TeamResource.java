package io.parley.routing.assignment;

import io.parley.contracts.api.Teams;
import io.parley.routing.audit.AuditLog;
import io.parley.routing.roster.KeycloakRoster;
import io.parley.routing.roster.RosterConfig;
import io.parley.security.Actor;
import io.parley.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Teams: rosters with skills and capacity, the assignment policy, hours and SLA, and the queue. Internal API. */
@Path("/teams")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamResource {
    private final TeamService teams;
    private final TeamSettings teamSettings;
    private final KeycloakRoster keycloak;
    private final RosterConfig roster;

    private final AuditLog audit;
    private final SecurityIdentity identity;

    public TeamResource(
            TeamService teams,
            TeamSettings teamSettings,
            KeycloakRoster keycloak,
            RosterConfig roster,
            AuditLog audit,
            SecurityIdentity identity) {
        this.audit = audit;
        this.identity = identity;
        this.teamSettings = teamSettings;
        this.teams = teams;
        this.keycloak = keycloak;
        this.roster = roster;
    }

    @GET
    public Uni<List<Teams.Team>> list() {
        return teams.list();
    }

    @GET
    @Path("/{team}")
    public Uni<Teams.Team> get(@PathParam("team") String team) {
        return teams.get(team);
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("/{team}/members/{agent}")
    public Uni<Void> addMember(
            @PathParam("team") String team, @PathParam("agent") String agent, Teams.MemberRequest request) {
        TeamService.checkMember(team, agent);
        // Keycloak's group first: it is the roster, and the teams claim of the agent's next token.
        Uni<Void> inKeycloak = roster.fromKeycloak()
                ? KeycloakRoster.unavailableWhenFailing(keycloak.join(team, agent))
                : Uni.createFrom().voidItem();
        return inKeycloak
                .flatMap(v -> teams.addMember(team, agent, request))
                .call(teams::changed)
                .call(() -> audit.record(Actor.of(identity), "team.member_added", "team", team, "agent=" + agent));
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Path("/{team}/members/{agent}")
    public Uni<Void> removeMember(@PathParam("team") String team, @PathParam("agent") String agent) {
        Uni<Void> inKeycloak = roster.fromKeycloak()
                ? KeycloakRoster.unavailableWhenFailing(keycloak.leave(team, agent))
                : Uni.createFrom().voidItem();
        return inKeycloak
                .flatMap(v -> teams.removeMember(team, agent))
                .call(() -> audit.record(Actor.of(identity), "team.member_removed", "team", team, "agent=" + agent));
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("/{team}/policy")
    public Uni<Teams.Policy> putPolicy(@PathParam("team") String team, Teams.Policy policy) {
        return teams.putPolicy(team, policy)
                .call(teams::changed)
                .call(() -> audit.record(Actor.of(identity), "team.policy_put", "team", team, null));
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("/{team}/settings")
    public Uni<Void> putSettings(@PathParam("team") String team, Teams.Settings settings) {
        return teams.putSettings(team, settings)
                .invoke(() -> teamSettings.changed(team))
                .call(() -> audit.record(Actor.of(identity), "team.settings_put", "team", team, null));
    }

    @GET
    @Path("/{team}/queue")
    public Uni<List<Teams.QueueEntry>> queue(@PathParam("team") String team) {
        return teams.queue(team);
    }
}
