package io.parley.stack.cli;

import io.parley.stack.ManagedProcess;
import io.parley.stack.ParleyStack;
import java.nio.file.Path;

/** One line per part: name, port, a dot every couple of seconds while waiting, then the time it took. */
final class ConsoleProgress implements ParleyStack.Progress {
    private final Path root;
    private long lastDot;

    ConsoleProgress(Path root) {
        this.root = root;
    }

    @Override
    public void starting(String part, String detail) {
        System.out.printf("  %-16s %-11s ", part, detail);
        System.out.flush();
        lastDot = System.currentTimeMillis();
    }

    @Override
    public void waiting() {
        if (System.currentTimeMillis() - lastDot > 2000) {
            System.out.print('.');
            System.out.flush();
            lastDot = System.currentTimeMillis();
        }
    }

    @Override
    public void ready(String part, ManagedProcess process, long millis) {
        System.out.printf(
                " ready in %.1f s (pid %d, log %s)%n", millis / 1000.0, process.pid(), root.relativize(process.log()));
    }
}
