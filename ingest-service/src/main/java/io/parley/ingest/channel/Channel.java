package io.parley.ingest.channel;

import java.util.Arrays;
import java.util.Optional;

/** The channel types an inbox can connect; the id is the path segment of its webhook URL. */
public enum Channel {
    API("api"),
    WHATSAPP("whatsapp"),
    MESSENGER("messenger"),
    INSTAGRAM("instagram"),
    X("x"),
    TELEGRAM("telegram"),
    EMAIL("email");

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
