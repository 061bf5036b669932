package io.parley.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The whole of Parley on one machine: PostgreSQL, Kafka, Keycloak and the four services, started in dependency order.
 * Used by ./parley up (detached, kept running) and by the end-to-end test (attached, stopped afterwards).
 */
public final class ParleyStack {
    public static final List<String> DATABASES = List.of("ingest", "routing", "metrics");
    public static final String DEMO_INBOX = "demo-web";
    /**
     * The realm's groups (parley-realm.json), which routing's rosters follow; seeding them through routing's API is
     * idempotent and makes the rosters current before the first sync.
     */
    public static final Map<String, List<String>> DEMO_TEAMS = Map.of(
            "support", List.of("alice", "bob", "carol"),
            "sales", List.of("carol", "sam"),
            "escalation", List.of("carol"));

    public record Options(
            Path root,
            Path runtime,
            Path keycloakHome,
            StackPorts ports,
            PostgresNode.Binaries postgresBinaries,
            boolean persistentKeycloak,
            String keycloakAdminPassword,
            boolean detach,
            Map<String, Map<String, String>> serviceConfig) {

        /** Extra configuration for one service, e.g. a channel API's base URL in tests. */
        Map<String, String> configOf(String service) {
            return serviceConfig == null ? Map.of() : serviceConfig.getOrDefault(service, Map.of());
        }
    }

    /** Receives progress: the part being started, then a dot now and then while it is waited for. */
    public interface Progress {
        void starting(String part, String detail);

        void waiting();

        void ready(String part, ManagedProcess process, long millis);
    }

    private final Options options;
    private final Progress progress;
    private final List<ManagedProcess> started = new ArrayList<>();

    public ParleyStack(Options options, Progress progress) {
        this.options = options;
        this.progress = progress;
    }

    public List<ManagedProcess> started() {
        return Collections.unmodifiableList(started);
    }

    public StackPorts ports() {
        return options.ports();
    }

    public String realmUrl() {
        return realmUrl(options.ports());
    }

    public static String realmUrl(StackPorts ports) {
        return "http://localhost:" + ports.keycloak() + "/realms/" + KeycloakNode.REALM;
    }

    /**
     * A demo user's bearer token (demo passwords equal usernames): ./parley seeds and reads the internal APIs as dave
     * (admin) or carol (supervisor), since every API but the webhooks takes tokens only.
     */
    public static String demoToken(StackPorts ports, String username) {
        return io.parley.stack.testing.Tokens.password(realmUrl(ports), username, username);
    }

    /**
     * ingest-service's configuration for encrypting inbox secrets at rest with one local key.
     *
     * @param key 16, 24 or 32 random bytes
     */
    public static Map<String, String> secretsKey(byte[] key) {
        return Map.of(
                "parley.secrets.active-key",
                "local",
                "parley.secrets.keys.local",
                java.util.Base64.getEncoder().encodeToString(key));
    }

    /** Health and metrics of a service answer on its port + 1000 (ingest 8081 → 9081). */
    public static int managementPort(int servicePort) {
        return servicePort + 1000;
    }

    public String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** Starts everything; on failure stops what it had started and rethrows. */
    public void start(Consumer<ManagedProcess> onStarted) {
        StackPorts ports = options.ports();
        Runnable wait = progress::waiting;
        try {
            step(
                    "postgres",
                    "port " + ports.postgres(),
                    onStarted,
                    () -> PostgresNode.start(
                                    options.runtime().resolve("postgres"),
                                    ports.postgres(),
                                    DATABASES,
                                    options.postgresBinaries(),
                                    options.detach(),
                                    wait)
                            .process());
            step(
                    "kafka",
                    "port " + ports.kafka(),
                    onStarted,
                    () -> KafkaNode.start(
                                    options.runtime().resolve("kafka"),
                                    ports.kafka(),
                                    ports.kafkaController(),
                                    options.detach(),
                                    wait)
                            .process());
            step(
                    "keycloak",
                    "port " + ports.keycloak(),
                    onStarted,
                    () -> KeycloakNode.start(
                                    options.keycloakHome(),
                                    ports.keycloak(),
                                    ports.keycloakManagement(),
                                    options.keycloakAdminPassword(),
                                    options.persistentKeycloak(),
                                    options.detach(),
                                    wait)
                            .process());
            String kafka = "127.0.0.1:" + ports.kafka();
            Map<String, String> data = Map.of(
                    "parley.db.port",
                    Integer.toString(ports.postgres()),
                    "kafka.bootstrap.servers",
                    kafka,
                    "quarkus.oidc.auth-server-url",
                    realmUrl());
            service("ingest-service", ports.ingest(), data, onStarted);
            Map<String, String> routing = new java.util.HashMap<>(data);
            routing.put("parley.keycloak.url", "http://localhost:" + ports.keycloak());
            routing.put("parley.roster.client-secret", KeycloakNode.DEV_ROUTING_SECRET);
            service("routing-service", ports.routing(), routing, onStarted);
            service("metrics-service", ports.metrics(), data, onStarted);
            service(
                    "agent-gateway",
                    ports.gateway(),
                    Map.of(
                            "quarkus.oidc.auth-server-url", realmUrl(),
                            "quarkus.rest-client.routing.url", url(ports.routing()),
                            "quarkus.rest-client.metrics.url", url(ports.metrics()),
                            "quarkus.rest-client.ingest.url", url(ports.ingest()),
                            "kafka.bootstrap.servers", kafka),
                    onStarted);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** The demo inbox and team rosters; idempotent. */
    public void seedDemo(String inboxSecret) {
        StackPorts ports = options.ports();
        String admin = demoToken(ports, "dave");
        put(
                url(ports.ingest()) + "/inboxes/" + DEMO_INBOX,
                admin,
                "{\"channel\":\"api\",\"name\":\"Demo web chat\",\"team\":\"support\",\"secret\":\"" + inboxSecret
                        + "\"}");
        DEMO_TEAMS.forEach((team, agents) -> agents.forEach(
                agent -> put(url(ports.routing()) + "/teams/" + team + "/members/" + agent, admin, null)));
    }

    /** Stops, in reverse order, what this object started. */
    public void stop() {
        List<ManagedProcess> reversed = new ArrayList<>(started);
        Collections.reverse(reversed);
        reversed.forEach(ManagedProcess::stop);
        started.clear();
    }

    private void service(String name, int port, Map<String, String> defaults, Consumer<ManagedProcess> onStarted) {
        Map<String, String> config = new java.util.HashMap<>(defaults);
        config.putAll(options.configOf(name));
        step(
                name,
                "port " + port,
                onStarted,
                () -> ServiceNode.start(
                                name,
                                options.root().resolve(name),
                                port,
                                managementPort(port),
                                config,
                                options.runtime().resolve("logs"),
                                options.detach(),
                                progress::waiting)
                        .process());
    }

    private void step(
            String part,
            String detail,
            Consumer<ManagedProcess> onStarted,
            java.util.function.Supplier<ManagedProcess> start) {
        progress.starting(part, detail);
        long begin = System.currentTimeMillis();
        ManagedProcess process = start.get();
        started.add(process);
        onStarted.accept(process);
        progress.ready(part, process, System.currentTimeMillis() - begin);
    }

    private static void put(String url, String bearer, String json) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer);
        if (json != null) {
            request.header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.PUT(HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new StackException(
                        "seeding demo data failed: PUT " + url + " → " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new StackException("seeding demo data failed: " + url + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted", e);
        }
    }
}
