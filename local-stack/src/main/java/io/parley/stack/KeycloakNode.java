package io.parley.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Keycloak from its Maven Central distribution, in dev mode, with the parley realm imported. */
public final class KeycloakNode {
    public static final String REALM = "parley";
    public static final String CLI_CLIENT = "parley-cli";
    /** routing-service's client for team rosters (Keycloak groups); its secret in the development realm only. */
    public static final String ROUTING_CLIENT = "parley-routing";

    public static final String DEV_ROUTING_SECRET = "parley-routing-dev-secret";

    private final ManagedProcess process;
    private final int port;

    private KeycloakNode(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** A throw-away Keycloak for a test or a bench: the shared test distribution, free ports, an in-memory database. */
    public static KeycloakNode startEphemeral() {
        return start(
                testHome(),
                Ports.free(),
                Ports.free(),
                java.util.UUID.randomUUID().toString(),
                false,
                false,
                () -> {});
    }

    /**
     * @param home where the distribution is unpacked (once) and runs
     * @param persistent keep users and sessions in a file database across restarts (./parley), or in memory (tests)
     */
    public static KeycloakNode start(
            Path home,
            int port,
            int managementPort,
            String adminPassword,
            boolean persistent,
            boolean detach,
            Runnable onWait) {
        Ports.requireFree("Keycloak", port);
        Ports.requireFree("Keycloak management", managementPort);
        Path dist = unpack(home);
        installRealm(dist);
        ManagedProcess process = ManagedProcess.start(
                "keycloak",
                List.of(
                        dist.resolve("bin/kc.sh").toString(),
                        "start-dev",
                        "--http-port=" + port,
                        // Loopback, like the services (the management port inherits it): nothing else reaches it.
                        "--http-host=" + ServiceNode.BIND_ADDRESS,
                        "--http-management-port=" + managementPort,
                        "--hostname=http://localhost:" + port,
                        "--import-realm",
                        "--health-enabled=true",
                        "--db=" + (persistent ? "dev-file" : "dev-mem")),
                Map.of(
                        "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                        "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword,
                        "JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx768m",
                        "JAVA_OPTS_APPEND", "-Dparley.part=keycloak"),
                dist,
                home.resolve("keycloak.log"),
                detach);
        String discovery = "http://localhost:" + port + "/realms/" + REALM + "/.well-known/openid-configuration";
        process.awaitReady(
                "serving realm " + REALM + " on port " + port,
                Duration.ofSeconds(240),
                () -> ManagedProcess.httpOk(discovery),
                onWait);
        return new KeycloakNode(process, port);
    }

    /** Where tests unpack and run Keycloak: shared by every module, data kept in memory so each run starts afresh. */
    public static Path testHome() {
        return Path.of(System.getProperty("user.home"), ".cache", "parley");
    }

    public String realmUrl() {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    /** The server's root, under which its admin API lives. */
    public String url() {
        return "http://localhost:" + port;
    }

    public ManagedProcess process() {
        return process;
    }

    public void stop() {
        process.stop();
    }

    private static Path unpack(Path home) {
        Path dist = home.resolve("keycloak-" + StackLayout.keycloakVersion());
        if (Files.isExecutable(dist.resolve("bin/kc.sh"))) {
            return dist;
        }
        Path tarball = StackLayout.keycloakDistribution();
        if (!Files.exists(tarball)) {
            throw new StackException("Keycloak distribution not found at " + tarball
                    + ": build the project with ./mvnw first, it downloads it");
        }
        try {
            Files.createDirectories(home);
            // Unpacked beside, then moved into place: an interrupted unpack never looks like a distribution.
            Path partial = Files.createTempDirectory(home, "keycloak-unpacking-");
            ManagedProcess.start(
                            "keycloak-unpack",
                            List.of("tar", "xzf", tarball.toString(), "-C", partial.toString()),
                            Map.of(),
                            home,
                            home.resolve("unpack.log"),
                            false)
                    .awaitSuccessfulExit("unpacking " + tarball.getFileName(), Duration.ofMinutes(3));
            Files.move(partial.resolve(dist.getFileName()), dist, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            ManagedProcess.start(
                            "keycloak-unpack-cleanup",
                            List.of("rm", "-rf", partial.toString()),
                            Map.of(),
                            home,
                            home.resolve("unpack.log"),
                            false)
                    .awaitSuccessfulExit("removing " + partial, Duration.ofMinutes(1));
            return dist;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void installRealm(Path dist) {
        try (InputStream realm = KeycloakNode.class.getResourceAsStream("keycloak/parley-realm.json")) {
            Path imports = dist.resolve("data/import");
            Files.createDirectories(imports);
            Files.copy(realm, imports.resolve("parley-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
