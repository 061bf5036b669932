package io.parley.gateway.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the agent web app needs to know to log in; public, served at GET /api/config. */
@ConfigMapping(prefix = "parley.web")
public interface WebConfig {
    /**
     * The realm as the agents' browsers reach it (Keycloak's public address); the gateway's own
     * quarkus.oidc.auth-server-url may be an address only the cluster knows.
     */
    @WithDefault("${quarkus.oidc.auth-server-url}")
    String authServerUrl();

    /** The realm's public client for the web app (authorization code with PKCE). */
    @WithDefault("parley-spa")
    String clientId();
}
