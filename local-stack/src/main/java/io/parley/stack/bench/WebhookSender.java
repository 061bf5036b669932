package io.parley.stack.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * POSTs webhooks over a few kept-alive HTTP/1.1 connections, one blocking thread each. On two cores the load generator
 * competes with the stack it measures: with the JDK's HttpClient (selector thread, executor hand-offs, per-request
 * allocations) the generator used ~70 % of a core at 500 webhooks/s; with this, ~20 % (bench/routing's CPU line, its
 * event consumer included). Requests queue when every connection is busy, and the caller times from when it queued
 * them, so a slow server still shows in the latency (an open loop).
 */
final class WebhookSender implements AutoCloseable {
    private record Post(byte[] request, CompletableFuture<Integer> status) {}

    private static final Post STOP = new Post(null, null);

    private final LinkedBlockingQueue<Post> queue = new LinkedBlockingQueue<>();
    private final List<Thread> workers = new ArrayList<>();
    private final String host;
    private final int port;

    WebhookSender(String baseUrl, int connections) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort();
        for (int i = 0; i < connections; i++) {
            Thread worker = new Thread(this::work, "webhook-sender-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
    }

    /**
     * A whole request, head and body in one array: written at once it leaves in one segment, as most clients send a
     * small POST, instead of a head and a body that the server reads apart.
     */
    byte[] request(String path, String signatureHeader, String signature, byte[] body) {
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                        + "\r\nContent-Type: application/json\r\n" + signatureHeader + ": " + signature
                        + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    /** @param request from {@link #request} @return the response's status code, or a failure if the connection broke */
    CompletableFuture<Integer> send(byte[] request) {
        CompletableFuture<Integer> status = new CompletableFuture<>();
        queue.add(new Post(request, status));
        return status;
    }

    private void work() {
        Socket socket = null;
        InputStream in = null;
        try {
            while (true) {
                Post post = queue.take();
                if (post == STOP) {
                    return;
                }
                try {
                    if (socket == null || socket.isClosed()) {
                        socket = new Socket();
                        socket.setTcpNoDelay(true);
                        socket.connect(new InetSocketAddress(host, port));
                        in = new BufferedInputStream(socket.getInputStream(), 8192);
                    }
                    OutputStream out = socket.getOutputStream();
                    out.write(post.request());
                    out.flush();
                    Response response = Response.read(in);
                    if (response.close()) {
                        socket.close();
                    }
                    post.status().complete(response.status());
                } catch (IOException e) {
                    closeQuietly(socket);
                    socket = null;
                    post.status().completeExceptionally(e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(socket);
        }
    }

    @Override
    public void close() throws InterruptedException {
        workers.forEach(w -> queue.add(STOP));
        for (Thread worker : workers) {
            worker.join(5000);
        }
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already broken
            }
        }
    }

    /** The parts of an HTTP/1.1 response the bench needs: its status, and the body read off so the connection is free. */
    record Response(int status, boolean close) {
        /** @param in the connection's buffered stream (reads are byte by byte) */
        static Response read(InputStream in) throws IOException {
            String statusLine = line(in);
            if (statusLine == null || !statusLine.startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP response: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = 0;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> {}
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line(in).split(";")[0].trim(), 16);
                        size > 0;
                        size = Long.parseLong(line(in).split(";")[0].trim(), 16)) {
                    skip(in, size);
                    line(in);
                }
                line(in);
            } else {
                skip(in, length);
            }
            return new Response(status, close);
        }

        private static void skip(InputStream in, long n) throws IOException {
            while (n > 0) {
                if (in.read() < 0) throw new IOException("connection closed mid-body");
                n--;
            }
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    byte[] b = bytes.toByteArray();
                    int end = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
                    return new String(b, 0, end, StandardCharsets.ISO_8859_1);
                }
                bytes.write(c);
            }
            return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
