package io.parley.routing;

import io.parley.stack.testing.KafkaTestResource;
import io.parley.stack.testing.KeycloakTestResource;
import io.parley.stack.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** The real servers (PostgreSQL, Kafka, Keycloak for tokens) every routing test runs against; declared once for the module. */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
public final class RoutingTestResources {
    private RoutingTestResources() {}
}
