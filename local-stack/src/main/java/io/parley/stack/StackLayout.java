package io.parley.stack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/** Where the server jars and distributions are, as recorded when this module was built. */
public final class StackLayout {
    private static final Properties PROPERTIES = load();

    private StackLayout() {}

    public static String kafkaVersion() {
        return PROPERTIES.getProperty("kafka.version");
    }

    public static String keycloakVersion() {
        return PROPERTIES.getProperty("keycloak.version");
    }

    public static Path keycloakDistribution() {
        String version = keycloakVersion();
        return Path.of(PROPERTIES.getProperty("local-repository"))
                .resolve("org/keycloak/keycloak-quarkus-dist")
                .resolve(version)
                .resolve("keycloak-quarkus-dist-" + version + ".tar.gz");
    }

    /** The classpath for child JVMs: this module's own classes plus its runtime dependencies (Kafka, zonky, JDBC). */
    public static String serverClasspath() {
        try (InputStream in = StackLayout.class.getResourceAsStream("classpath.txt")) {
            if (in == null) {
                throw new IllegalStateException("classpath.txt missing: build parley-local-stack with Maven first");
            }
            String dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            String self = Path.of(StackLayout.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
            return self + File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * For the services' and Kafka's JVMs: the JIT compiles a method once it has run a tenth as often as by default. On
     * two cores the C2 compilers of four JVMs took most of a core for over five minutes at 200 webhooks/s (code run
     * once per batch reaches the default thresholds only after many minutes, and runs profiled until then). With this,
     * ingest's compiler was done within 180 s of that and routing's ~300 s into it (without: still 15–20 % of a core
     * at 285 s), at no measurable cost per message afterwards (docs/benchmarks.md, 2026-12-03).
     */
    public static final String COMPILE_SOONER = "-XX:CompileThresholdScaling=0.1";

    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Extra JVM options from an environment variable, for profiling and tuning runs (e.g.
     * {@code -XX:StartFlightRecording=filename=/tmp/{service}.jfr}); {@code {service}} becomes the process's name.
     */
    public static List<String> javaOptionsFrom(String variable, String service) {
        String options = System.getenv(variable);
        if (options == null || options.isBlank()) {
            return List.of();
        }
        return List.of(options.replace("{service}", service).trim().split("\\s+"));
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = StackLayout.class.getResourceAsStream("stack.properties")) {
            properties.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("stack.properties missing: build parley-local-stack with Maven first", e);
        }
        return properties;
    }
}
