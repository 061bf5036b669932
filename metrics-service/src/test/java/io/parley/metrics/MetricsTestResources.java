package io.parley.metrics;

import io.parley.stack.testing.KafkaTestResource;
import io.parley.stack.testing.KeycloakTestResource;
import io.parley.stack.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** The real servers (PostgreSQL, Kafka, Keycloak for tokens) every metrics test runs against; declared once for the module. */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
public final class MetricsTestResources {
    private MetricsTestResources() {}
}
