package io.parley.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.Set;

/**
 * Who makes a request, from a verified bearer token: the username ({@code preferred_username}, the configured principal
 * claim) and realm roles. Resources build it and pass it to the services that record who did what; no header can name
 * an actor.
 */
public record Actor(String username, Set<String> roles) {
    public Actor {
        roles = Set.copyOf(roles);
    }

    public static Actor of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        return new Actor(identity.getPrincipal().getName(), identity.getRoles());
    }

    /** Supervisors and admins act on any team's conversations and for any agent. */
    public boolean supervises() {
        return roles.contains(Roles.SUPERVISOR) || roles.contains(Roles.ADMIN);
    }
}
