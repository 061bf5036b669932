package io.parley.stack.testing;

import io.parley.stack.Ports;
import io.parley.stack.PostgresNode;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real PostgreSQL (zonky's binaries) with one database, wired into both the reactive and the Flyway datasource. Tests
 * can take it down and bring it back with {@link ServerOutage}.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String DATABASE = "parley_test";

    private volatile PostgresNode postgres;
    private Path dir;

    @Override
    public Map<String, String> start() {
        dir = TestDirectories.create("postgres");
        int port = Ports.free();
        postgres = start(port);
        ServerOutage.register(ServerOutage.Server.POSTGRES, () -> postgres.stop(), () -> postgres = start(port));
        return Map.of(
                "quarkus.datasource.reactive.url",
                postgres.reactiveUrl(DATABASE),
                "quarkus.datasource.jdbc.url",
                postgres.jdbcUrl(DATABASE),
                "quarkus.datasource.username",
                PostgresNode.USER,
                "quarkus.datasource.password",
                "");
    }

    private PostgresNode start(int port) {
        return PostgresNode.start(
                dir.resolve("data"), port, List.of(DATABASE), PostgresNode.Binaries.EMBEDDED, false, () -> {});
    }

    @Override
    public void stop() {
        ServerOutage.unregister(ServerOutage.Server.POSTGRES);
        if (postgres != null) {
            postgres.stop();
        }
        TestDirectories.delete(dir);
    }
}
