package io.parley.metrics;

import io.parley.stack.testing.KafkaTestResource;
import io.parley.stack.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** The real servers every metrics test runs against; declared once for the module. */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
public final class MetricsTestResources {
    private MetricsTestResources() {}
}
