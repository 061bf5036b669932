package io.parley.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

public final class Ports {
    private Ports() {}

    /** A port free right now, for tests that must not clash with a running ./parley stack. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void requireFree(String part, int port) {
        if (ManagedProcess.portOpen(port)) {
            throw new StackException(part + " cannot start: port " + port
                    + " is already in use. Stop what uses it or choose another port (see README, Ports).");
        }
    }
}
