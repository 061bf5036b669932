package io.parley.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The JVM images Maven built (target/images, by io.parley.k8s.image.ServiceImages): what their manifests and
 * configuration say, and that one really starts from its layers. There is no container engine here; as root, the
 * layers unpacked in order are a root file system that chroot runs the image's entrypoint in, as the image's user, in
 * its own PID and mount namespaces with /proc mounted (unshare), as a container runtime would.
 */
class ImageTest {
    private static final Path IMAGES = Chart.ROOT.resolve("k8s/target/images");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({
        "ingest-service,8081,9081",
        "routing-service,8082,9082",
        "metrics-service,8083,9083",
        "agent-gateway,8080,9080"
    })
    void eachServiceHasAJvmImageThatRunsItsQuarkusAppUnprivileged(
            String service, int port, int managementPort, @TempDir Path dir) throws Exception {
        Image image = Image.unpack(IMAGES.resolve(service + ".tar"), dir);
        assertEquals(List.of("ghcr.io/parley-care/" + service + ":0.1.0-SNAPSHOT"), image.tags());
        JsonNode config = image.config().get("config");
        assertEquals("10001:10001", config.get("User").asText());
        assertEquals("/app", config.get("WorkingDir").asText());
        assertEquals(
                List.of("java", "-jar", "/app/quarkus-run.jar"),
                JSON.convertValue(config.get("Entrypoint"), List.class));
        assertTrue(config.get("ExposedPorts").has(port + "/tcp"));
        assertTrue(config.get("ExposedPorts").has(managementPort + "/tcp"));
        // The base (a JRE) first, then libraries, Quarkus's generated classes, the application.
        assertEquals(4, image.layers().size());
        List<String> files = image.files();
        assertTrue(files.contains("app/quarkus-run.jar"), "the launcher");
        assertTrue(files.stream().anyMatch(f -> f.startsWith("app/lib/main/")), "the libraries");
        assertTrue(files.stream().anyMatch(f -> f.startsWith("app/quarkus/")), "Quarkus's generated classes");
        assertTrue(files.contains("usr/lib/jvm/java-17-openjdk-amd64/bin/java"), "a JRE in the base");
    }

    @Test
    void theGatewayImageStartsFromItsLayers(@TempDir Path dir) throws Exception {
        if (!canChroot()) {
            // Not root: the manifest test above is what is checked.
            System.out.println("ImageTest: not root, the gateway image is checked by its manifest only");
            return;
        }
        Image image = Image.unpack(IMAGES.resolve("agent-gateway.tar"), dir);
        Path rootfs = image.rootFileSystem(dir.resolve("rootfs"));
        int port = freePort();
        int management = freePort();
        Files.createDirectories(rootfs.resolve("proc"));
        List<String> command = new ArrayList<>(List.of(
                "/usr/bin/unshare",
                "--mount",
                "--pid",
                "--fork",
                // The service dies with unshare: destroying unshare alone would leave it running.
                "--kill-child",
                "--mount-proc=" + rootfs.resolve("proc"),
                "/usr/sbin/chroot",
                "--userspec=" + image.config().get("config").get("User").asText(),
                rootfs.toString()));
        command.addAll(List.of("/bin/sh", "-c", "cd /app && exec \"$@\"", "entrypoint"));
        image.config().get("config").get("Entrypoint").forEach(a -> command.add(a.asText()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(dir.resolve("gateway.log").toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        image.config().get("config").get("Env").forEach(e -> {
            String[] pair = e.asText().split("=", 2);
            env.put(pair[0], pair[1]);
        });
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(management));
        env.put("JAVA_TOOL_OPTIONS", "-Xmx64m -XX:+UseSerialGC");
        Process gateway = builder.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            HttpResponse<String> started = null;
            while (Instant.now().isBefore(deadline) && gateway.isAlive()) {
                try {
                    started = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management + "/q/health/started"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    break;
                } catch (IOException notYet) {
                    gateway.waitFor(250, TimeUnit.MILLISECONDS);
                }
            }
            String log = Files.readString(dir.resolve("gateway.log"));
            // Started, as far as it can be without Kafka: the health check answers (DOWN: no broker here).
            assertTrue(started != null && JSON.readTree(started.body()).has("status"), "not started:\n" + log);
            HttpResponse<String> config = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/config"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, config.statusCode());
            assertTrue(JSON.readTree(config.body()).has("clientId"), config.body());
            // Production logs are JSON lines.
            String firstJsonLine =
                    log.lines().filter(l -> l.startsWith("{")).findFirst().orElse("");
            assertTrue(JSON.readTree(firstJsonLine).has("message"), log);
        } finally {
            gateway.descendants().forEach(ProcessHandle::destroy);
            gateway.destroy();
            gateway.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static boolean canChroot() throws Exception {
        Process id = new ProcessBuilder("id", "-u").start();
        return new String(id.getInputStream().readAllBytes()).trim().equals("0");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A `docker save` archive unpacked: its manifest, configuration and layer archives. */
    record Image(Path dir, JsonNode manifest, JsonNode config) {
        static Image unpack(Path tar, Path dir) throws Exception {
            assertTrue(Files.exists(tar), tar + " was not built");
            run("tar", "-xf", tar.toString(), "-C", dir.toString());
            JsonNode manifest =
                    JSON.readTree(dir.resolve("manifest.json").toFile()).get(0);
            JsonNode config =
                    JSON.readTree(dir.resolve(manifest.get("Config").asText()).toFile());
            return new Image(dir, manifest, config);
        }

        List<String> tags() {
            List<String> tags = new ArrayList<>();
            manifest.get("RepoTags").forEach(t -> tags.add(t.asText()));
            return tags;
        }

        List<Path> layers() {
            List<Path> layers = new ArrayList<>();
            manifest.get("Layers").forEach(l -> layers.add(dir.resolve(l.asText())));
            return layers;
        }

        /** Every path in every layer, without a leading ./ or /. */
        List<String> files() throws Exception {
            List<String> files = new ArrayList<>();
            for (Path layer : layers()) {
                Process list = new ProcessBuilder("tar", "--warning=no-unknown-keyword", "-tf", layer.toString())
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                new String(list.getInputStream().readAllBytes())
                        .lines()
                        .map(f -> f.replaceFirst("^\\./", "").replaceFirst("^/", ""))
                        .forEach(files::add);
                assertEquals(0, list.waitFor(), "tar -tf " + layer);
            }
            return files;
        }

        /** The layers unpacked in order, as a container runtime lays them out. */
        Path rootFileSystem(Path target) throws Exception {
            Files.createDirectories(target);
            for (Path layer : layers()) {
                run("tar", "--warning=no-unknown-keyword", "-xf", layer.toString(), "-C", target.toString());
            }
            return target;
        }

        private static void run(String... command) throws Exception {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
        }
    }
}
