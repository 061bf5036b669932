package io.parley.stack.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server-sent events stream read over a real HTTP connection, as a browser reads it: every event received so far
 * is in {@link #events()}, for tests to await with Awaitility.
 */
public final class SseStream implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** @param id null when the event carries none */
    public record Event(String id, String name, String data) {}

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final int status;
    private final String contentType;
    private final String body;
    private final Stream<String> lines;
    private final Thread reader;

    private SseStream(HttpResponse<Stream<String>> response) {
        this.status = response.statusCode();
        this.contentType = response.headers().firstValue("Content-Type").orElse("");
        this.lines = response.body();
        if (status != 200) {
            this.body = String.join("\n", lines.toList());
            this.reader = null;
            return;
        }
        this.body = null;
        this.reader = new Thread(this::read, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream with a bearer token and, when not null, a Last-Event-ID; returns once headers arrived. */
    public static SseStream open(URI uri, String bearer, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofMinutes(10));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new SseStream(HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                    .get(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not open " + uri, e);
        }
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    /** The response body of a stream the server refused (status not 200). */
    public String body() {
        return body;
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    /** Events of this name received so far. */
    public List<Event> named(String name) {
        return events.stream().filter(event -> name.equals(event.name())).toList();
    }

    /** The id of the last event that had one: what a browser would send as Last-Event-ID. */
    public String lastEventId() {
        String last = null;
        for (Event event : events) {
            if (event.id() != null) {
                last = event.id();
            }
        }
        return last;
    }

    public boolean ended() {
        return reader != null && !reader.isAlive();
    }

    private void read() {
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data.length() > 0 || name != null) {
                        events.add(new Event(id, name == null ? "message" : name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    continue;
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5));
                }
            }
        } catch (RuntimeException e) {
            // The connection ended (closed by us or the server): the events so far stay.
        }
    }

    @Override
    public void close() {
        lines.close();
    }
}
