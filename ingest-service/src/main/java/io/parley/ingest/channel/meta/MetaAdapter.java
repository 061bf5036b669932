package io.parley.ingest.channel.meta;

import io.parley.contracts.WebhookSignature;
import io.parley.ingest.channel.ChannelAdapter;
import io.parley.ingest.channel.WebhookRequest;
import io.parley.ingest.inbox.Inbox;
import io.parley.problem.ProblemException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * What WhatsApp, Messenger and Instagram share: Graph API webhooks, subscribed with a verify-token handshake and
 * signed with the app secret ({@code X-Hub-Signature-256: sha256=<hex>} over the raw body).
 */
public abstract class MetaAdapter implements ChannelAdapter {
    public static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

    @Override
    public Response handshake(Inbox inbox, MultivaluedMap<String, String> query) {
        String mode = query.getFirst("hub.mode");
        String token = query.getFirst("hub.verify_token");
        String challenge = query.getFirst("hub.challenge");
        if (!"subscribe".equals(mode) || token == null || challenge == null) {
            throw ProblemException.badRequest("Expected hub.mode=subscribe, hub.verify_token and hub.challenge.");
        }
        if (!WebhookSignature.constantTimeEquals(inbox.verifyToken, token)) {
            throw new ProblemException(Response.Status.FORBIDDEN, "hub.verify_token does not match this inbox.");
        }
        return Response.ok(challenge, MediaType.TEXT_PLAIN_TYPE).build();
    }

    /**
     * Whether an entry (Messenger/Instagram: {@code entry[].id}; WhatsApp: {@code metadata.phone_number_id}) is for the
     * inbox's account. One Meta app secret can sign several pages' or numbers' webhooks, so the signature alone does
     * not say which inbox an entry belongs to.
     */
    protected static boolean ownAccount(Inbox inbox, String account) {
        return inbox.accountId != null && inbox.accountId.equals(account);
    }

    @Override
    public boolean verify(Inbox inbox, WebhookRequest request) {
        return WebhookSignature.matches(inbox.secret, request.body(), request.header(SIGNATURE_HEADER));
    }
}
