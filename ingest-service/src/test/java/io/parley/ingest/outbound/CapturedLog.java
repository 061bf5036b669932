package io.parley.ingest.outbound;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/** Every log record the service writes while open, formatted with its parameters as the console would show it. */
final class CapturedLog extends Handler implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    static CapturedLog start() {
        CapturedLog log = new CapturedLog();
        log.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(log);
        return log;
    }

    @Override
    public void publish(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        lines.add(
                record.getLoggerName() + " " + message + (record.getThrown() == null ? "" : " " + record.getThrown()));
    }

    boolean contains(String text) {
        return lines.stream().anyMatch(line -> line.contains(text));
    }

    String text() {
        return String.join("\n", lines);
    }

    @Override
    public void flush() {}

    /** Stops capturing; what was captured can still be read. */
    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
