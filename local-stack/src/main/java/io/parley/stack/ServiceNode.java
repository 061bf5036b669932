package io.parley.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One of Parley's Quarkus services, run from its packaged fast-jar. */
public final class ServiceNode {
    private final ManagedProcess process;
    private final int port;

    private ServiceNode(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** @param module the service's Maven module directory, holding target/quarkus-app after a build */
    public static ServiceNode start(
            String name,
            Path module,
            int port,
            Map<String, String> config,
            Path logDir,
            boolean detach,
            Runnable onWait) {
        Ports.requireFree(name, port);
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
                "-Dquarkus.http.port=" + port));
        command.addAll(StackLayout.javaOptionsFrom("PARLEY_SERVICE_JAVA_OPTS", name));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        ManagedProcess process =
                ManagedProcess.start(name, command, Map.of(), module, logDir.resolve(name + ".log"), detach);
        process.awaitReady(
                "healthy on port " + port,
                Duration.ofSeconds(120),
                () -> ManagedProcess.httpOk("http://127.0.0.1:" + port + "/q/health/ready"),
                onWait);
        return new ServiceNode(process, port);
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
