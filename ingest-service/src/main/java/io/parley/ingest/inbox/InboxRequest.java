package io.parley.ingest.inbox;

/** Body of PUT /inboxes/{id}. Omitted secrets keep their current value. */
public record InboxRequest(
        String channel, String name, String team, String secret, String verifyToken, String accountId) {}
