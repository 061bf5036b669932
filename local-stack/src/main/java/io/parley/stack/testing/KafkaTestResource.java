package io.parley.stack.testing;

import io.parley.stack.KafkaNode;
import io.parley.stack.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real Kafka broker (KRaft) in a child JVM for the tests of one module. Tests can take it down and bring it back
 * with {@link ServerOutage}.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {
    private volatile KafkaNode kafka;
    private Path dir;

    @Override
    public Map<String, String> start() {
        dir = TestDirectories.create("kafka");
        kafka = KafkaNode.start(dir, Ports.free(), Ports.free(), false, () -> {});
        ServerOutage.register(ServerOutage.Server.KAFKA, () -> kafka.stop(), () -> kafka = kafka.restart());
        return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        ServerOutage.unregister(ServerOutage.Server.KAFKA);
        if (kafka != null) {
            kafka.stop();
        }
        TestDirectories.delete(dir);
    }
}
