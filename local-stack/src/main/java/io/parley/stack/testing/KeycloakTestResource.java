package io.parley.stack.testing;

import io.parley.stack.KeycloakNode;
import io.parley.stack.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.UUID;

/** A real Keycloak with the parley realm; tests get tokens from it with {@link Tokens}. */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {
    private KeycloakNode keycloak;

    @Override
    public Map<String, String> start() {
        keycloak = KeycloakNode.start(
                KeycloakNode.testHome(),
                Ports.free(),
                Ports.free(),
                UUID.randomUUID().toString(),
                false,
                false,
                () -> {});
        return Map.of("quarkus.oidc.auth-server-url", keycloak.realmUrl());
    }

    @Override
    public void stop() {
        if (keycloak != null) {
            keycloak.stop();
        }
    }
}
