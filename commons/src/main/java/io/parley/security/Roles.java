package io.parley.security;

/**
 * Parley's realm roles, read from {@code realm_access.roles} of a Keycloak token. Every service checks them itself;
 * the gateway's checks are not the only line.
 */
public final class Roles {
    /** Answers conversations of their teams. */
    public static final String AGENT = "agent";
    /** Sees every team's conversations and reports, assigns anyone. */
    public static final String SUPERVISOR = "supervisor";
    /** Manages inboxes, teams, rules, hours and policies; erases personal data. */
    public static final String ADMIN = "admin";

    private Roles() {}
}
