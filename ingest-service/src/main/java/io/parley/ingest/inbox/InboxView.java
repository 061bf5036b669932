package io.parley.ingest.inbox;

import java.time.Instant;

/** An inbox as the API shows it: no secret, no verify token; whether they are set, and where webhooks go. */
public record InboxView(
        String id,
        String channel,
        String name,
        String team,
        String accountId,
        String webhookPath,
        boolean secretSet,
        boolean verifyTokenSet,
        boolean accessTokenSet,
        String senderAddress,
        Instant createdAt,
        Instant updatedAt) {
    static InboxView of(Inbox inbox) {
        return new InboxView(
                inbox.id,
                inbox.channel,
                inbox.name,
                inbox.team,
                inbox.accountId,
                "/webhooks/" + inbox.channel + "/" + inbox.id,
                inbox.secret != null,
                inbox.verifyToken != null,
                inbox.accessToken != null,
                inbox.senderAddress,
                inbox.createdAt,
                inbox.updatedAt);
    }
}
