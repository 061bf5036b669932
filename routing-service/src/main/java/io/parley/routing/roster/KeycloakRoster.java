package io.parley.routing.roster;

import io.parley.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Teams as Keycloak's groups hold them: a top-level group per team, named like the team; its members are the roster.
 * The same groups give the tokens their teams claim, so routing's rosters and what the gateway and reports let an
 * agent see cannot drift apart.
 */
@ApplicationScoped
public class KeycloakRoster {
    private static final Logger LOG = Logger.getLogger(KeycloakRoster.class);
    static final Pattern TEAM = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    static final int MAX = 1000;

    private final KeycloakAdminClient keycloak;
    private final RosterConfig config;

    public KeycloakRoster(@RestClient KeycloakAdminClient keycloak, RosterConfig config) {
        this.keycloak = keycloak;
        this.config = config;
    }

    /** Every team's members, by team; groups whose names are no team id are not teams. */
    public Uni<Map<String, Set<String>>> teams() {
        return keycloak.groups(config.realm(), true, MAX).flatMap(groups -> {
            List<KeycloakAdminClient.Group> teams = groups.stream()
                    .filter(group -> TEAM.matcher(group.name()).matches())
                    .toList();
            Map<String, Set<String>> rosters = new TreeMap<>();
            Uni<Void> all = Uni.createFrom().voidItem();
            for (KeycloakAdminClient.Group group : teams) {
                all = all.flatMap(v -> keycloak.members(config.realm(), group.id(), true, MAX)
                        .invoke(members -> {
                            Set<String> names = new TreeSet<>();
                            members.forEach(member -> names.add(member.username()));
                            rosters.put(group.name(), names);
                        })
                        .replaceWithVoid());
            }
            return all.replaceWith(rosters);
        });
    }

    /** Puts the user into the team's group, creating the group when the team is new. 422 for an unknown user. */
    public Uni<Void> join(String team, String agent) {
        return user(agent)
                .flatMap(userId -> group(team, true).flatMap(groupId -> keycloak.join(config.realm(), userId, groupId)))
                .invoke(() -> LOG.infof("roster: %s joined %s in Keycloak", agent, team));
    }

    /** Takes the user out of the team's group; nothing to do when either is unknown. */
    public Uni<Void> leave(String team, String agent) {
        return keycloak.users(config.realm(), agent, true).flatMap(users -> {
            if (users.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return group(team, false)
                    .flatMap(groupId -> groupId == null
                            ? Uni.createFrom().voidItem()
                            : keycloak.leave(config.realm(), users.get(0).id(), groupId));
        });
    }

    private Uni<String> user(String agent) {
        return keycloak.users(config.realm(), agent, true).map(users -> {
            if (users.isEmpty()) {
                throw ProblemException.unprocessable("No user " + agent + " in Keycloak: create the user there first.");
            }
            return users.get(0).id();
        });
    }

    private Uni<String> group(String team, boolean create) {
        return keycloak.groups(config.realm(), true, MAX).flatMap(groups -> {
            for (KeycloakAdminClient.Group group : groups) {
                if (group.name().equals(team)) {
                    return Uni.createFrom().item(group.id());
                }
            }
            if (!create) {
                return Uni.createFrom().nullItem();
            }
            return keycloak.createGroup(config.realm(), new KeycloakAdminClient.NewGroup(team))
                    .flatMap(created -> group(team, false));
        });
    }

    /** A failure of Keycloak's admin API as the caller sees it: 503, saying what to check; 4xx problems pass. */
    public static <T> Uni<T> unavailableWhenFailing(Uni<T> call) {
        return call.onFailure(failure -> !(failure instanceof ProblemException)).transform(failure -> {
            LOG.warnf("roster: Keycloak's admin API failed: %s", failure.getMessage());
            return ProblemException.unavailable(
                    "Keycloak's groups could not be changed; check that routing's client may manage users.");
        });
    }
}
