package io.parley.stack.testing;

import io.parley.stack.KeycloakNode;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A real Keycloak with the parley realm; tests get tokens from it with {@link Tokens}. */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {
    private KeycloakNode keycloak;

    @Override
    public Map<String, String> start() {
        keycloak = KeycloakNode.startEphemeral();
        return Map.of(
                "quarkus.oidc.auth-server-url",
                keycloak.realmUrl(),
                "parley.keycloak.url",
                keycloak.url(),
                "parley.roster.client-secret",
                KeycloakNode.DEV_ROUTING_SECRET);
    }

    @Override
    public void stop() {
        if (keycloak != null) {
            keycloak.stop();
        }
    }
}
