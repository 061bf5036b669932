package io.parley.ingest.inbox;

import java.time.Instant;

/** An inbox as the API shows it: everything but the secret. */
public record InboxView(String id, String channel, String name, String team, Instant createdAt, Instant updatedAt) {
    static InboxView of(Inbox inbox) {
        return new InboxView(inbox.id, inbox.channel, inbox.name, inbox.team, inbox.createdAt, inbox.updatedAt);
    }
}
