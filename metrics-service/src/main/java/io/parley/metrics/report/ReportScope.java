package io.parley.metrics.report;

import io.parley.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Whose figures the caller may see: an admin everything; a supervisor their teams (the token's teams claim, Keycloak
 * groups; a supervisor in no team supervises all); an agent only their own figures. Applied as filters on every query,
 * here where the data is, whichever way the request came.
 *
 * @param teams the teams the caller is limited to; empty = any
 * @param agent the agent the caller is limited to; null = any
 */
public record ReportScope(List<String> teams, String agent) {

    public static ReportScope of(SecurityIdentity identity) {
        if (identity.hasRole(Roles.ADMIN)) {
            return new ReportScope(List.of(), null);
        }
        String username = identity.getPrincipal().getName();
        if (identity.hasRole(Roles.SUPERVISOR)) {
            return new ReportScope(teams(identity), null);
        }
        return new ReportScope(List.of(), username);
    }

    public boolean seesTeam(String team) {
        return teams.isEmpty() || teams.contains(team);
    }

    private static List<String> teams(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token
                && token.getClaim("teams") instanceof Collection<?> values) {
            return values.stream()
                    .map(v -> v.toString().replace("\"", "").replaceFirst("^/", ""))
                    .sorted()
                    .toList();
        }
        return List.of();
    }
}
