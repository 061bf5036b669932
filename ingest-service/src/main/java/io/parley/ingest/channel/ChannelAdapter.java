package io.parley.ingest.channel;

import io.parley.ingest.inbox.Inbox;
import io.parley.problem.ProblemException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * One channel's webhook dialect: how the provider proves it is the sender, and how its payload becomes normalised
 * events. Implementations hold no state; the shared steps (inbox lookup, archive, dedup, publish) are
 * {@link WebhookService}'s.
 */
public interface ChannelAdapter {

    Channel channel();

    /** The subscription handshake some providers make with GET (Meta's hub.challenge, X's CRC). */
    default Response handshake(Inbox inbox, MultivaluedMap<String, String> query) {
        throw new ProblemException(
                Response.Status.METHOD_NOT_ALLOWED, "The " + channel().id() + " channel has no GET handshake.");
    }

    /** The content types this channel posts; anything else is answered 415. */
    default boolean accepts(MediaType type) {
        return type != null && MediaType.APPLICATION_JSON_TYPE.isCompatible(type);
    }

    /** The answer once new events are on Kafka. Providers want a plain 200; the API channel promises 202. */
    default int acceptedStatus() {
        return 200;
    }

    /** Checks the request's proof (signature, token) against the inbox's secret, on the raw body bytes. */
    boolean verify(Inbox inbox, WebhookRequest request);

    /**
     * @throws ProblemException 400 or 422 for a payload this channel cannot read; any other runtime exception is
     *     treated as a 400 as well
     */
    WebhookBatch parse(Inbox inbox, WebhookRequest request);
}
