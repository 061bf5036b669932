package io.parley.gateway.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller, as the gateway needs them: username, realm roles and teams (Keycloak groups). */
public record Agent(String username, Set<String> roles, List<String> teams) {
    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";

    public static Agent of(SecurityIdentity identity) {
        List<String> teams = List.of();
        String username = identity.getPrincipal().getName();
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object claim = token.getClaim("teams");
            if (claim instanceof java.util.Collection<?> values) {
                teams = values.stream()
                        .map(v -> v.toString().replace("\"", "").replaceFirst("^/", ""))
                        .sorted()
                        .toList();
            }
            String preferred = token.getClaim("preferred_username");
            if (preferred != null) {
                username = preferred;
            }
        }
        return new Agent(username, identity.getRoles(), teams);
    }

    /** The caller's full name as Keycloak knows it (the token's name claim), else their username. */
    public static String displayName(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getClaim("name") != null) {
            return token.getClaim("name").toString();
        }
        return of(identity).username();
    }

    /** Supervisors and admins see every team. */
    public boolean seesAllTeams() {
        return roles.contains(SUPERVISOR) || roles.contains(ADMIN);
    }
}
