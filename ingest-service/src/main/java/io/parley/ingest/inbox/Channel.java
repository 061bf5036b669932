package io.parley.ingest.inbox;

import java.util.Arrays;
import java.util.Optional;

/** Channel types an inbox can connect. Only the generic signed API channel has an adapter so far. */
public enum Channel {
    API("api");

    private final String id;

    Channel(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Channel> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
