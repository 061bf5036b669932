package io.parley.gateway.live;

import io.parley.gateway.security.Agent;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The caller's live updates as server-sent events: every conversation event they may see (named by its type, the
 * envelope as data), who is viewing or typing ({@code agent.activity}), and teammates' availability. Each event's id
 * is the stream position; reconnecting with {@code Last-Event-ID} resumes after it, on any replica. The stream ends
 * when the token expires: reconnect with a fresh one.
 */
@Path("/api/live")
@RolesAllowed({Agent.AGENT, Agent.SUPERVISOR, Agent.ADMIN})
public class LiveResource {
    private final ConversationFeed feed;
    private final LiveConfig config;
    private final SecurityIdentity identity;

    public LiveResource(ConversationFeed feed, LiveConfig config, SecurityIdentity identity) {
        this.feed = feed;
        this.config = config;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live updates (server-sent events) of what the caller may see; resumable with Last-Event-ID")
    public void stream(@HeaderParam("Last-Event-ID") String lastEventId, @Context SseEventSink sink, @Context Sse sse) {
        Instant expiresAt = null;
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getExpirationTime() > 0) {
            expiresAt = Instant.ofEpochSecond(token.getExpirationTime());
        }
        LiveSubscriber subscriber = new LiveSubscriber(Agent.of(identity), expiresAt, sink, sse, config.maxPending());
        feed.subscribe(subscriber, lastEventId);
    }
}
