package io.parley.ingest;

import io.parley.stack.testing.KafkaTestResource;
import io.parley.stack.testing.KeycloakTestResource;
import io.parley.stack.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** The real servers (PostgreSQL, Kafka, Keycloak for tokens) every ingest test runs against; declared once for the module. */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
@QuarkusTestResource(ChannelApisTestResource.class)
public final class IngestTestResources {
    private IngestTestResources() {}
}
