package io.parley.e2e;

import static org.awaitility.Awaitility.await;

import io.parley.stack.KafkaNode;
import io.parley.stack.KeycloakNode;
import io.parley.stack.ManagedProcess;
import io.parley.stack.Ports;
import io.parley.stack.PostgresNode;
import io.parley.stack.ServiceNode;
import io.parley.stack.testing.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * PostgreSQL with routing's database (or the databases named), a Kafka broker and Keycloak for e2e tests about
 * routing-service or metrics-service alone, which start as many of their processes as they need (and stop them when
 * they want); closing stops everything still running.
 */
final class RoutingServers implements AutoCloseable {
    private final Path root;
    private final Path runtime;
    /** Written by tests that start processes from several threads at once. */
    private final List<ManagedProcess> started = new CopyOnWriteArrayList<>();

    private PostgresNode postgres;
    private KafkaNode kafka;
    private KeycloakNode keycloak;
    private RoutingDatabase database;
    private final AtomicInteger processes = new AtomicInteger();

    private RoutingServers(Path root, Path runtime) {
        this.root = root;
        this.runtime = runtime;
    }

    static RoutingServers start(String name) throws IOException {
        return start(name, List.of("routing"));
    }

    static RoutingServers start(String name, List<String> databases) throws IOException {
        Path root = Path.of(System.getProperty("parley.root", ".."))
                .toAbsolutePath()
                .normalize();
        RoutingServers servers = new RoutingServers(
                root, Files.createTempDirectory(Path.of("target").toAbsolutePath(), name + "-"));
        try {
            servers.postgres = PostgresNode.start(
                    servers.runtime.resolve("postgres"),
                    Ports.free(),
                    databases,
                    PostgresNode.Binaries.EMBEDDED,
                    false,
                    () -> {});
            servers.started.add(servers.postgres.process());
            servers.database = new RoutingDatabase(servers.postgres, databases.get(0));
            servers.kafka =
                    KafkaNode.start(servers.runtime.resolve("kafka"), Ports.free(), Ports.free(), false, () -> {});
            servers.started.add(servers.kafka.process());
            servers.keycloak = KeycloakNode.startEphemeral();
            servers.started.add(servers.keycloak.process());
            return servers;
        } catch (RuntimeException e) {
            servers.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** A demo user's bearer token (password = username) from this stack's Keycloak. */
    String token(String username) {
        return Tokens.password(keycloak.realmUrl(), username, username);
    }

    RoutingDatabase database() {
        return database;
    }

    /** One more routing-service process on this database and broker, with its own log folder. */
    ServiceNode routing(Map<String, String> extraConfig) {
        // These tests staff teams with agents of their own making, not Keycloak's users.
        Map<String, String> config = new HashMap<>(Map.of("parley.roster.source", "routing"));
        config.putAll(extraConfig);
        return service("routing-service", config);
    }

    /** One more process of the service on this database and broker, with its own log folder. */
    ServiceNode service(String service, Map<String, String> extraConfig) {
        Map<String, String> config = new HashMap<>(Map.of(
                "parley.db.port", Integer.toString(postgres.port()),
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.oidc.auth-server-url", keycloak.realmUrl()));
        config.putAll(extraConfig);
        ServiceNode node = ServiceNode.start(
                service,
                root.resolve(service),
                Ports.free(),
                config,
                runtime.resolve("logs-" + processes.incrementAndGet()),
                false,
                () -> {});
        started.add(node.process());
        return node;
    }

    /** Waits until, in the consumer group, a client of each prefix (its client.id) holds partitions. */
    void awaitConsuming(String group, String... clientIdPrefixes) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                List<String> consuming =
                        admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().stream()
                                .filter(m -> !m.assignment().topicPartitions().isEmpty())
                                .map(m -> m.clientId())
                                .toList();
                return java.util.Arrays.stream(clientIdPrefixes)
                        .allMatch(prefix -> consuming.stream().anyMatch(id -> id.startsWith(prefix)));
            });
        }
    }

    @Override
    public void close() {
        List<ManagedProcess> reversed = new ArrayList<>(started);
        Collections.reverse(reversed);
        reversed.forEach(ManagedProcess::stop);
    }
}
