package io.parley.stack.bench;

import io.parley.stack.KafkaNode;
import io.parley.stack.KeycloakNode;
import io.parley.stack.ManagedProcess;
import io.parley.stack.ParleyStack;
import io.parley.stack.Ports;
import io.parley.stack.PostgresNode;
import io.parley.stack.ServiceNode;
import io.parley.stack.testing.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a benchmark runs against: PostgreSQL (installed binaries, else zonky's), a Kafka broker and Keycloak (the
 * services' APIs take tokens only) on free ports, plus the packaged services it starts, in a runtime folder of its own
 * under .parley/; closing stops them in reverse order.
 */
final class BenchStack implements AutoCloseable {
    private final Path root;
    private final Path runtime;
    private final List<ManagedProcess> started = new ArrayList<>();
    private PostgresNode postgres;
    private KafkaNode kafka;
    private KeycloakNode keycloak;

    private BenchStack(Path root, Path runtime) {
        this.root = root;
        this.runtime = runtime;
    }

    static BenchStack start(String name, List<String> databases) throws IOException {
        Path root = Path.of(System.getProperty("parley.root", ".")).toAbsolutePath();
        return start(
                root, root.resolve(".parley").resolve("bench-" + name + "-" + System.currentTimeMillis()), databases);
    }

    /**
     * A stack in the runtime folder of an earlier run, its databases as that run left them (PostgreSQL starts on the
     * data it finds); Kafka starts empty.
     */
    static BenchStack reuse(Path runtime, List<String> databases) throws IOException {
        if (!Files.exists(runtime.resolve("pg").resolve("PG_VERSION"))) {
            throw new IllegalArgumentException(runtime + " holds no PostgreSQL data of an earlier run");
        }
        Path kafka = runtime.resolve("kafka");
        if (Files.exists(kafka)) {
            try (var files = Files.walk(kafka)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(f -> f.toFile().delete());
            }
        }
        return start(Path.of(System.getProperty("parley.root", ".")).toAbsolutePath(), runtime, databases);
    }

    private static BenchStack start(Path root, Path runtime, List<String> databases) throws IOException {
        Files.createDirectories(runtime);
        BenchStack stack = new BenchStack(root, runtime);
        try {
            stack.postgres = PostgresNode.start(
                    runtime.resolve("pg"), Ports.free(), databases, PostgresNode.Binaries.AUTO, false, () -> {});
            stack.started.add(stack.postgres.process());
            stack.kafka = KafkaNode.start(runtime.resolve("kafka"), Ports.free(), Ports.free(), false, () -> {});
            stack.started.add(stack.kafka.process());
            stack.keycloak = KeycloakNode.startEphemeral();
            stack.started.add(stack.keycloak.process());
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The demo admin's token, for setting up inboxes and teams through the services' APIs. */
    String adminToken() {
        return Tokens.password(keycloak.realmUrl(), "dave", "dave");
    }

    /** Starts a packaged service wired to this stack's database and broker, logging warnings only. */
    ServiceNode service(String name, Map<String, String> extraConfig) {
        return service(name, root.resolve(name), extraConfig);
    }

    /** @param module the service's module folder as built (target/quarkus-app), e.g. a copy of an earlier build */
    ServiceNode service(String name, Path module, Map<String, String> extraConfig) {
        Map<String, String> config = new HashMap<>(Map.of(
                "parley.db.port", Integer.toString(postgres.port()),
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.oidc.auth-server-url", keycloak.realmUrl(),
                "quarkus.log.level", "WARN"));
        if (name.equals("ingest-service")) {
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            config.putAll(ParleyStack.secretsKey(key));
        }
        config.putAll(extraConfig);
        ServiceNode service =
                ServiceNode.start(name, module, Ports.free(), config, runtime.resolve("logs"), false, () -> {});
        started.add(service.process());
        return service;
    }

    @Override
    public void close() {
        List<ManagedProcess> reversed = new ArrayList<>(started);
        Collections.reverse(reversed);
        reversed.forEach(ManagedProcess::stop);
    }
}
