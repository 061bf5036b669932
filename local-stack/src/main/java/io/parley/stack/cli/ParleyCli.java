package io.parley.stack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.contracts.WebhookSignature;
import io.parley.stack.ManagedProcess;
import io.parley.stack.ParleyStack;
import io.parley.stack.PostgresNode;
import io.parley.stack.StackException;
import io.parley.stack.StackPorts;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** ./parley up | down | status | demo. Runtime files live in .parley/ under the repository root. */
public final class ParleyCli {
    /** Start order; down goes the other way. */
    static final List<String> PARTS = List.of(
            "postgres", "kafka", "keycloak", "ingest-service", "routing-service", "metrics-service", "agent-gateway");

    private final Path root;
    private final Path runtime;

    ParleyCli(Path root) {
        this.root = root;
        this.runtime = root.resolve(".parley");
    }

    public static void main(String[] args) {
        Path root =
                Path.of(System.getProperty("parley.root", ".")).toAbsolutePath().normalize();
        ParleyCli cli = new ParleyCli(root);
        String command = args.length == 0 ? "help" : args[0];
        try {
            int code = switch (command) {
                case "up" -> cli.up();
                case "down" -> cli.down();
                case "status" -> cli.status();
                case "demo" -> cli.demo();
                case "replay" -> cli.replay(args);
                case "rotate-secrets" -> cli.rotateSecrets();
                case "redrive" -> cli.redrive(args);
                default -> help();
            };
            System.exit(code);
        } catch (StackException e) {
            System.err.println();
            System.err.println("✗ " + e.getMessage());
            System.exit(1);
        }
    }

    static int help() {
        System.out.println("""
                usage: ./parley <command>
                  up      build what is missing, start PostgreSQL, Kafka, Keycloak and the four services
                  down    stop everything ./parley up started (by pid)
                  status  what is running, on which port
                  demo    send a few signed sample webhooks to the demo inbox
                  replay --inbox ID --from T --to T
                          re-publish what an inbox accepted between two ISO-8601 instants (idempotent)
                  rotate-secrets
                          re-encrypt every inbox secret under ingest's active key (after adding a new one)
                  redrive TOPIC
                          send a dead-letter topic's records back to the topic they came from, e.g.
                          parley.conversation-events.metrics-dlq (after fixing what made them fail)
                Ports: PARLEY_GATEWAY_PORT (8080), PARLEY_INGEST_PORT (8081), PARLEY_ROUTING_PORT (8082),
                PARLEY_METRICS_PORT (8083), PARLEY_KEYCLOAK_PORT (8180), PARLEY_KEYCLOAK_MANAGEMENT_PORT (9000),
                PARLEY_KAFKA_PORT (19092), PARLEY_KAFKA_CONTROLLER_PORT (19093), PARLEY_PG_PORT (15432).
                Each service's health and metrics answer on its port + 1000. Services listen on PARLEY_BIND_ADDRESS
                (127.0.0.1).""");
        return 2;
    }

    int up() {
        List<String> running =
                PARTS.stream().filter(p -> runningPid(p).isPresent()).toList();
        if (!running.isEmpty()) {
            System.out.println("Parley is already running (" + String.join(", ", running)
                    + "). See ./parley status, or ./parley down first.");
            return running.size() == PARTS.size() ? 0 : 1;
        }
        StackPorts ports = StackPorts.defaults(System::getenv);
        String demoSecret = secret("demo-inbox");
        String keycloakAdmin = secret("keycloak-admin");
        writeProperties(runtime.resolve("ports.properties"), ports.toProperties());
        System.out.println("Starting Parley (runtime files and logs in " + root.relativize(runtime) + "/)");
        ParleyStack stack = new ParleyStack(
                new ParleyStack.Options(
                        root,
                        runtime,
                        runtime.resolve("keycloak"),
                        ports,
                        PostgresNode.Binaries.AUTO,
                        true,
                        keycloakAdmin,
                        true,
                        Map.of(
                                "ingest-service",
                                ParleyStack.secretsKey(HexFormat.of().parseHex(secret("inbox-secrets-key"))))),
                new ConsoleProgress(root));
        stack.start(this::recordPid);
        stack.seedDemo(demoSecret);
        System.out.printf(
                """

                Parley is up.
                  Agent workspace            http://localhost:%d/      (log in as a demo user below)
                  Agent API (agent-gateway)  http://localhost:%d/api   (e.g. /api/conversations?assignee=me)
                  Webhooks (ingest-service)  http://localhost:%d/webhooks/api/%s
                  routing-service            http://localhost:%d/conversations
                  metrics-service            http://localhost:%d/reports/live
                  Keycloak                   http://localhost:%d/admin  (user admin, password in .parley/secrets/keycloak-admin)
                  Kafka                      127.0.0.1:%d      PostgreSQL  127.0.0.1:%d (user postgres)

                Demo users (DEMO ONLY, password = username), realm "parley":
                  alice, bob  agent, team support      sam    agent, team sales
                  carol       supervisor, all teams     dave   admin          guest  no Parley role

                Next: ./parley demo    Stop: ./parley down
                """,
                ports.gateway(),
                ports.gateway(),
                ports.ingest(),
                ParleyStack.DEMO_INBOX,
                ports.routing(),
                ports.metrics(),
                ports.keycloak(),
                ports.kafka(),
                ports.postgres());
        return 0;
    }

    int down() {
        boolean any = false;
        for (String part : reversed(PARTS)) {
            Optional<ProcessHandle> handle = runningPid(part);
            if (handle.isPresent()) {
                any = true;
                System.out.print("  stopping " + part + " (pid " + handle.get().pid() + ") ... ");
                System.out.flush();
                ManagedProcess.stop(handle.get(), Duration.ofSeconds(30));
                System.out.println("stopped");
            }
            pidFile(part).toFile().delete();
        }
        System.out.println(any ? "Parley is down." : "Nothing of Parley's was running.");
        return 0;
    }

    int status() {
        Optional<StackPorts> ports = ports();
        int running = 0;
        for (String part : PARTS) {
            Optional<ProcessHandle> handle = runningPid(part);
            String port = ports.map(p -> " port " + portOf(p, part)
                            + (ManagedProcess.portOpen(portOf(p, part)) ? " (listening)" : " (closed)"))
                    .orElse("");
            System.out.printf(
                    "  %-16s %s%s%n",
                    part, handle.map(h -> "running, pid " + h.pid()).orElse("stopped"), handle.isPresent() ? port : "");
            running += handle.isPresent() ? 1 : 0;
        }
        System.out.println(
                running == PARTS.size() ? "Parley is up." : running == 0 ? "Parley is down." : "Parley is partly up.");
        return running == PARTS.size() ? 0 : 3;
    }

    int demo() {
        StackPorts ports = ports().orElseThrow(() -> new StackException("Parley is not up: run ./parley up first"));
        String secret = readSecret("demo-inbox");
        String run = Long.toString(Instant.now().getEpochSecond(), 36);
        String[][] messages = {
            {"cust-ana", "Ana Souza", "Hi! My order #1042 has not arrived yet, can you check?"},
            {"cust-ben", "Ben Okafor", "The app crashes when I upload a photo 😞"},
            {"cust-chloé", "Chloé Martin", "Bonjour, avez-vous des tarifs pour les entreprises ?"}
        };
        String url = "http://127.0.0.1:" + ports.ingest() + "/webhooks/api/" + ParleyStack.DEMO_INBOX;
        HttpClient http = HttpClient.newHttpClient();
        System.out.println("Sending signed webhooks to " + url);
        for (int i = 0; i < messages.length; i++) {
            String body = String.format(
                    "{\"messageId\":\"demo-%s-%d\",\"sender\":{\"id\":\"%s-%s\",\"name\":\"%s\"},\"text\":\"%s\"}",
                    run, i, messages[i][0], run, messages[i][1], messages[i][2]);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> response = send(
                    http,
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "application/json")
                            .header("X-Parley-Signature", WebhookSignature.sign(secret, bytes))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                            .build());
            System.out.printf("  %s: %d %s%n", messages[i][1], response.statusCode(), response.body());
        }
        showAssignments(http, ports, run, messages.length);
        System.out.printf(
                """

                See them as alice (agent, team support):
                  TOKEN=$(curl -s -d grant_type=password -d client_id=parley-cli -d username=alice -d password=alice \\
                    http://localhost:%d/realms/parley/protocol/openid-connect/token | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')
                  curl -s -H "Authorization: Bearer $TOKEN" 'http://localhost:%d/api/conversations?assignee=me'
                As carol (supervisor), the same with username=carol password=carol, and today's report per agent:
                  curl -s -H "Authorization: Bearer $TOKEN" \\
                    "http://localhost:%d/api/reports/conversations?from=%s&to=%s&groupBy=agent"
                """,
                ports.keycloak(),
                ports.gateway(),
                ports.gateway(),
                java.time.LocalDate.now(java.time.ZoneOffset.UTC),
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1));
        return 0;
    }

    /** Waits for routing-service to assign this run's conversations and shows who got which. */
    private static void showAssignments(HttpClient http, StackPorts ports, String run, int expected) {
        URI uri = URI.create("http://127.0.0.1:" + ports.routing() + "/conversations?inbox=" + ParleyStack.DEMO_INBOX
                + "&limit=200");
        String supervisor = ParleyStack.demoToken(ports, "carol");
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = send(
                    http,
                    HttpRequest.newBuilder(uri)
                            .header("Authorization", "Bearer " + supervisor)
                            .GET()
                            .build());
            try {
                List<JsonNode> ofRun = new java.util.ArrayList<>();
                new ObjectMapper().readTree(response.body()).forEach(c -> {
                    if (c.path("contact").path("sourceId").asText().endsWith("-" + run)
                            && !c.path("assignee").isMissingNode()) {
                        ofRun.add(c);
                    }
                });
                if (ofRun.size() == expected) {
                    System.out.println("Routed:");
                    ofRun.forEach(c -> System.out.printf(
                            "  %-14s → %s (team %s)%n",
                            c.path("contact").path("displayName").asText(),
                            c.path("assignee").asText(),
                            c.path("team").asText()));
                    return;
                }
                Thread.sleep(300);
            } catch (IOException e) {
                throw new StackException("routing-service answered something unexpected: " + response.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        System.out.println(
                "The messages were accepted but not routed within 30 s: see .parley/logs/routing-service.log");
    }

    int rotateSecrets() {
        StackPorts ports = ports().orElseThrow(() -> new StackException("Parley is not up: run ./parley up first"));
        HttpResponse<String> response = send(
                HttpClient.newHttpClient(),
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.ingest() + "/inboxes/secrets/rotate"))
                        .header("Authorization", "Bearer " + ParleyStack.demoToken(ports, "dave"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build());
        System.out.println(response.statusCode() + " " + response.body());
        return response.statusCode() == 200 ? 0 : 1;
    }

    int redrive(String[] args) {
        if (args.length != 2 || !args[1].endsWith("dlq")) {
            System.err.println("usage: ./parley redrive parley.conversation-events.metrics-dlq (a dead-letter topic)");
            return 2;
        }
        StackPorts ports = ports().orElseThrow(() -> new StackException("Parley is not up: run ./parley up first"));
        int sent = io.parley.stack.DeadLetterRedrive.redrive("127.0.0.1:" + ports.kafka(), args[1]);
        System.out.println("re-drove " + sent + " record(s) from " + args[1]);
        return 0;
    }

    int replay(String[] args) {
        java.util.Map<String, String> options = new java.util.HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        if (!options.keySet().containsAll(List.of("--inbox", "--from", "--to"))) {
            System.err.println(
                    "usage: ./parley replay --inbox ID --from 2026-11-23T00:00:00Z --to 2026-11-24T00:00:00Z");
            return 2;
        }
        StackPorts ports = ports().orElseThrow(() -> new StackException("Parley is not up: run ./parley up first"));
        String url = "http://127.0.0.1:" + ports.ingest() + "/inboxes/"
                + java.net.URLEncoder.encode(options.get("--inbox"), StandardCharsets.UTF_8) + "/replay?from="
                + java.net.URLEncoder.encode(options.get("--from"), StandardCharsets.UTF_8) + "&to="
                + java.net.URLEncoder.encode(options.get("--to"), StandardCharsets.UTF_8);
        HttpResponse<String> response = send(
                HttpClient.newHttpClient(),
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + ParleyStack.demoToken(ports, "dave"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build());
        System.out.println(response.statusCode() + " " + response.body());
        return response.statusCode() == 200 ? 0 : 1;
    }

    private static List<String> reversed(List<String> parts) {
        List<String> copy = new java.util.ArrayList<>(parts);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static int portOf(StackPorts ports, String part) {
        return switch (part) {
            case "postgres" -> ports.postgres();
            case "kafka" -> ports.kafka();
            case "keycloak" -> ports.keycloak();
            case "ingest-service" -> ports.ingest();
            case "routing-service" -> ports.routing();
            case "metrics-service" -> ports.metrics();
            default -> ports.gateway();
        };
    }

    private void recordPid(ManagedProcess process) {
        ProcessHandle handle = ProcessHandle.of(process.pid()).orElseThrow();
        String started = handle.info()
                .startInstant()
                .map(i -> Long.toString(i.toEpochMilli()))
                .orElse("0");
        write(pidFile(process.name()), process.pid() + " " + started + "\n");
    }

    /** The pid recorded for a part, if that very process (same start time) is still alive: never a reused pid. */
    private Optional<ProcessHandle> runningPid(String part) {
        Path file = pidFile(part);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            String[] fields = Files.readString(file).trim().split(" ");
            long pid = Long.parseLong(fields[0]);
            long started = Long.parseLong(fields[1]);
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(h -> h.info()
                            .startInstant()
                            .map(i -> Math.abs(i.toEpochMilli() - started) < 1000)
                            .orElse(false));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Path pidFile(String part) {
        return runtime.resolve("pids").resolve(part + ".pid");
    }

    private Optional<StackPorts> ports() {
        Path file = runtime.resolve("ports.properties");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
            return Optional.of(StackPorts.fromProperties(properties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A random secret kept in .parley/secrets (owner-only), created once. */
    private String secret(String name) {
        Path file = runtime.resolve("secrets").resolve(name);
        if (!Files.exists(file)) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            write(file, HexFormat.of().formatHex(random));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (IOException | UnsupportedOperationException e) {
                // Not every file system has POSIX permissions; the folder is git-ignored either way.
            }
        }
        return readSecret(name);
    }

    private String readSecret(String name) {
        try {
            return Files.readString(runtime.resolve("secrets").resolve(name)).trim();
        } catch (IOException e) {
            throw new StackException("secret " + name + " missing in .parley/secrets: run ./parley up first");
        }
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new StackException("ingest-service unreachable at " + request.uri() + ": is Parley up?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeProperties(Path file, Properties properties) {
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file)) {
                properties.store(writer, "ports of the running Parley stack");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
