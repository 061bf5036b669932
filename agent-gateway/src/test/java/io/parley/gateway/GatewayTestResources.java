package io.parley.gateway;

import io.parley.stack.testing.KeycloakTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** A real Keycloak with the parley realm for every gateway test. */
@QuarkusTestResource(KeycloakTestResource.class)
public final class GatewayTestResources {
    private GatewayTestResources() {}
}
