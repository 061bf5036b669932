package io.parley.gateway.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Where the web app sends agents to log in. Public: it holds no secret (the client is public, PKCE). */
@Path("/api/config")
@PermitAll
public class WebConfigResource {
    public record ClientConfig(String authServerUrl, String clientId) {}

    private final WebConfig config;

    public WebConfigResource(WebConfig config) {
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ClientConfig config() {
        return new ClientConfig(config.authServerUrl(), config.clientId());
    }
}
