package io.parley.gateway;

import io.parley.stack.testing.KafkaTestResource;
import io.parley.stack.testing.KeycloakTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** A real Keycloak with the parley realm, and a real broker for replies, for every gateway test. */
@QuarkusTestResource(KeycloakTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
public final class GatewayTestResources {
    private GatewayTestResources() {}
}
