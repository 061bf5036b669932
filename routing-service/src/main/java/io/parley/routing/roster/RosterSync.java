package io.parley.routing.roster;

import io.parley.routing.assignment.TeamMember;
import io.parley.routing.assignment.TeamService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Brings routing's rosters in line with Keycloak's groups: members added in Keycloak's console join the team here
 * (available, default skills), members removed there leave it. Skills and capacity stay routing's own settings.
 * Nothing is removed when Keycloak lists no team at all (a permissions problem looks the same).
 */
@ApplicationScoped
public class RosterSync {
    private static final Logger LOG = Logger.getLogger(RosterSync.class);

    private final KeycloakRoster keycloak;
    private final TeamService teams;
    private final RosterConfig config;

    public record Changes(List<String> joined, List<String> left) {}

    public RosterSync(KeycloakRoster keycloak, TeamService teams, RosterConfig config) {
        this.keycloak = keycloak;
        this.teams = teams;
        this.config = config;
    }

    @Scheduled(
            every = "${parley.roster.sync-interval:60s}",
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        if (!config.fromKeycloak()) {
            return Uni.createFrom().voidItem();
        }
        return sync().onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf(
                            "roster: Keycloak's groups could not be read (%s); rosters unchanged",
                            failure.getMessage());
                    return null;
                })
                .replaceWithVoid();
    }

    /** One pass; what changed, as team:agent. */
    public Uni<Changes> sync() {
        return keycloak.teams()
                .flatMap(wanted -> Panache.withSession(() -> TeamMember.<TeamMember>listAll())
                        .flatMap(members -> {
                            Map<String, Set<String>> current = new HashMap<>();
                            members.forEach(member -> current.computeIfAbsent(member.team, team -> new HashSet<>())
                                    .add(member.agent));
                            List<String[]> joins = new ArrayList<>();
                            List<String[]> leaves = new ArrayList<>();
                            wanted.forEach((team, agents) -> agents.stream()
                                    .filter(agent -> !current.getOrDefault(team, Set.of())
                                            .contains(agent))
                                    .forEach(agent -> joins.add(new String[] {team, agent})));
                            if (!wanted.isEmpty()) {
                                current.forEach((team, agents) -> agents.stream()
                                        .filter(agent -> !wanted.getOrDefault(team, Set.of())
                                                .contains(agent))
                                        .forEach(agent -> leaves.add(new String[] {team, agent})));
                            }
                            Uni<Void> applied = Uni.createFrom().voidItem();
                            for (String[] join : joins) {
                                applied = applied.flatMap(v -> teams.addMember(join[0], join[1], null));
                            }
                            for (String[] leave : leaves) {
                                applied = applied.flatMap(v -> teams.removeMember(leave[0], leave[1]));
                            }
                            List<String> joined =
                                    joins.stream().map(j -> j[0] + ":" + j[1]).toList();
                            List<String> left =
                                    leaves.stream().map(l -> l[0] + ":" + l[1]).toList();
                            return applied.invoke(() -> {
                                        if (!joined.isEmpty() || !left.isEmpty()) {
                                            LOG.infof("roster: from Keycloak, joined %s, left %s", joined, left);
                                        }
                                    })
                                    .replaceWith(new Changes(joined, left));
                        }));
    }
}
