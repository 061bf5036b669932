package io.parley.ingest.inbox;

/** Body of PUT /inboxes/{id}. Omitted secrets (secret, verifyToken, accessToken) keep their current values. */
public record InboxRequest(
        String channel,
        String name,
        String team,
        String secret,
        String verifyToken,
        String accountId,
        String accessToken,
        String senderAddress) {}
