package io.parley.stack.testing;

import io.parley.stack.KeycloakNode;
import io.parley.stack.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/** A real Keycloak with the parley realm; tests get tokens from it with {@link Tokens}. */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {
    private KeycloakNode keycloak;

    /** Shared by every module's tests: unpacked once, data kept in memory so each run starts from the realm file. */
    public static Path home() {
        return Path.of(System.getProperty("user.home"), ".cache", "parley");
    }

    @Override
    public Map<String, String> start() {
        keycloak = KeycloakNode.start(
                home(), Ports.free(), Ports.free(), UUID.randomUUID().toString(), false, false, () -> {});
        return Map.of("quarkus.oidc.auth-server-url", keycloak.realmUrl());
    }

    @Override
    public void stop() {
        if (keycloak != null) {
            keycloak.stop();
        }
    }
}
