package io.parley.ingest.inbox;

/** Body of PUT /inboxes/{id}. */
public record InboxRequest(String channel, String name, String team, String secret) {}
