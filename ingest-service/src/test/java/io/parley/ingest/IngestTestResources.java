package io.parley.ingest;

import io.parley.stack.testing.KafkaTestResource;
import io.parley.stack.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** The real servers every ingest test runs against; declared once for the module. */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(ChannelApisTestResource.class)
public final class IngestTestResources {
    private IngestTestResources() {}
}
