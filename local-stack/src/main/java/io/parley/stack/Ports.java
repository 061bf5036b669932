package io.parley.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

public final class Ports {
    /**
     * Below Linux's ephemeral range (32768-60999): a port the kernel hands out with ServerSocket(0) can be taken by any
     * outgoing connection in the seconds before the server we picked it for binds it.
     */
    static final int LOWEST = 20_000;

    static final int HIGHEST = 32_000;

    /** Never hand out the same port twice in one JVM, even if the first taker has not bound it yet. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private Ports() {}

    /** A port free right now, for tests that must not clash with a running ./parley stack or with each other. */
    public static int free() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST);
            if (!HANDED_OUT.contains(port) && bindable(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new StackException("no free port between " + LOWEST + " and " + HIGHEST);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static void requireFree(String part, int port) {
        if (ManagedProcess.portOpen(port)) {
            throw new StackException(part + " cannot start: port " + port
                    + " is already in use. Stop what uses it or choose another port (see README, Ports).");
        }
    }
}
