package io.parley.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One of Parley's Quarkus services, run from its packaged fast-jar, bound to {@link #BIND_ADDRESS} (loopback unless
 * PARLEY_BIND_ADDRESS says otherwise), with its health and metrics on a management port of their own.
 */
public final class ServiceNode {
    /** Where ./parley's services listen: loopback by default, so nothing but this machine reaches them. */
    public static final String BIND_ADDRESS = System.getenv().getOrDefault("PARLEY_BIND_ADDRESS", "127.0.0.1");

    private final ManagedProcess process;
    private final int port;
    private final int managementPort;

    private ServiceNode(ManagedProcess process, int port, int managementPort) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** As below, with the management interface on a free port. */
    public static ServiceNode start(
            String name,
            Path module,
            int port,
            Map<String, String> config,
            Path logDir,
            boolean detach,
            Runnable onWait) {
        return start(name, module, port, Ports.free(), config, logDir, detach, onWait);
    }

    /**
     * @param module the service's Maven module directory, holding target/quarkus-app after a build
     * @param managementPort where health probes and metrics answer
     */
    public static ServiceNode start(
            String name,
            Path module,
            int port,
            int managementPort,
            Map<String, String> config,
            Path logDir,
            boolean detach,
            Runnable onWait) {
        Ports.requireFree(name, port);
        Ports.requireFree(name + " (management)", managementPort);
        Path jar = module.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new StackException(name + " is not built (" + jar + " missing): run ./mvnw -B package -DskipTests");
        }
        List<String> command = new ArrayList<>(List.of(
                StackLayout.javaExecutable(),
                "-Xms64m",
                "-Xmx384m",
                StackLayout.COMPILE_SOONER,
                "-Dparley.part=" + name,
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=" + BIND_ADDRESS,
                "-Dquarkus.management.port=" + managementPort,
                "-Dquarkus.management.host=" + BIND_ADDRESS));
        command.addAll(StackLayout.javaOptionsFrom("PARLEY_SERVICE_JAVA_OPTS", name));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        ManagedProcess process =
                ManagedProcess.start(name, command, Map.of(), module, logDir.resolve(name + ".log"), detach);
        process.awaitReady(
                "healthy on port " + port,
                Duration.ofSeconds(120),
                () -> ManagedProcess.httpOk("http://127.0.0.1:" + managementPort + "/q/health/ready"),
                onWait);
        return new ServiceNode(process, port, managementPort);
    }

    /** Health, metrics and (internal services) the OpenAPI document. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public ManagedProcess process() {
        return process;
    }

    public void stop() {
        process.stop();
    }
}
