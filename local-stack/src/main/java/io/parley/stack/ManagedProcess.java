package io.parley.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** A server we started as a child process: its output goes to a log file, and it is stopped with its children. */
public final class ManagedProcess {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path log;

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * @param detach start in a new session (setsid) so the server outlives the launching command, as for ./parley up
     */
    public static ManagedProcess start(
            String name, List<String> command, Map<String, String> env, Path workDir, Path log, boolean detach) {
        try {
            Files.createDirectories(log.getParent());
            List<String> full = new ArrayList<>();
            if (detach && new File("/usr/bin/setsid").canExecute()) {
                full.add("/usr/bin/setsid");
            }
            full.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(full)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!detach) {
                // An attached server belongs to this JVM (a test run): it must not outlive it, even if the run is cut.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    if (process.isAlive()) {
                        stop(process.toHandle(), Duration.ofSeconds(10));
                    }
                }));
            }
            return new ManagedProcess(name, process, log);
        } catch (IOException e) {
            throw new StackException(name + " could not be started: " + e.getMessage() + " (log: " + log + ")", e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the check passes; fails early, naming the log, if the process dies first. */
    public ManagedProcess awaitReady(String what, Duration timeout, BooleanSupplier ready, Runnable onWait) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                stop();
                throw new StackException(name + " exited with code " + process.exitValue() + " before " + what
                        + ". Last lines of " + log + ":\n" + tail(log, 25));
            }
            if (ready.getAsBoolean()) {
                return this;
            }
            onWait.run();
            pause();
        }
        stop();
        throw new StackException(name + " did not become ready (" + what + ") within " + timeout.toSeconds()
                + " s. Last lines of " + log + ":\n" + tail(log, 25));
    }

    public ManagedProcess awaitReady(String what, Duration timeout, BooleanSupplier ready) {
        return awaitReady(what, timeout, ready, () -> {});
    }

    /** For one-shot commands: waits for the exit and fails, naming the log, unless it exits with 0. */
    public void awaitSuccessfulExit(String what, Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                stop();
                throw new StackException(name + " did not finish " + what + " within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while " + what, e);
        }
        if (process.exitValue() != 0) {
            throw new StackException(name + " failed " + what + " (exit " + process.exitValue() + "). Last lines of "
                    + log + ":\n" + tail(log, 25));
        }
    }

    public void stop() {
        stop(process.toHandle(), Duration.ofSeconds(30));
    }

    /** Stops a process we started earlier (maybe from another JVM), children first so none is orphaned. */
    public static void stop(ProcessHandle handle, Duration grace) {
        List<ProcessHandle> family = new ArrayList<>(handle.descendants().toList());
        family.add(handle);
        family.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(grace);
        for (ProcessHandle member : family) {
            while (member.isAlive() && Instant.now().isBefore(deadline)) {
                pause();
            }
            if (member.isAlive()) {
                member.destroyForcibly();
            }
        }
    }

    public static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static boolean httpOk(String url) {
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(3))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static boolean logContains(Path log, String marker) {
        try {
            return Files.exists(log)
                    && Files.readString(log, StandardCharsets.ISO_8859_1).contains(marker);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting", e);
        }
    }
}
