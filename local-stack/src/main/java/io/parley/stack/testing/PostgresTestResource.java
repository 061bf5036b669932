package io.parley.stack.testing;

import io.parley.stack.Ports;
import io.parley.stack.PostgresNode;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A real PostgreSQL (zonky's binaries) with one database, wired into both the reactive and the Flyway datasource. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String DATABASE = "parley_test";

    private PostgresNode postgres;
    private Path dir;

    @Override
    public Map<String, String> start() {
        dir = TestDirectories.create("postgres");
        postgres = PostgresNode.start(
                dir.resolve("data"), Ports.free(), List.of(DATABASE), PostgresNode.Binaries.EMBEDDED, false, () -> {});
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

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.stop();
        }
        TestDirectories.delete(dir);
    }
}
