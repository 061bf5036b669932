package io.parley.ingest.webhook;

import io.parley.ingest.channel.WebhookRequest;
import io.parley.tracing.TraceParent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every channel's webhook URL: {@code /webhooks/{channel}/{inboxId}}. The one surface without a bearer token: each
 * delivery proves itself with the inbox's secret (signature, token or password) instead.
 */
@Path("/webhooks/{channel}/{inboxId}")
@PermitAll
public class WebhookResource {
    private final WebhookService webhooks;
    private final WebhookOutcomes outcomes;

    public WebhookResource(WebhookService webhooks, WebhookOutcomes outcomes) {
        this.webhooks = webhooks;
        this.outcomes = outcomes;
    }

    @GET
    @Produces({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    public Uni<Response> handshake(
            @PathParam("channel") String channel, @PathParam("inboxId") String inboxId, @Context UriInfo uri) {
        return webhooks.handshake(channel, inboxId, uri.getQueryParameters());
    }

    /** Taken as raw bytes whatever the type: signatures cover exactly what was sent, not a re-serialisation. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> receive(
            @PathParam("channel") String channel,
            @PathParam("inboxId") String inboxId,
            @Context HttpHeaders headers,
            byte[] body) {
        Map<String, String> byName = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                byName.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        WebhookRequest request = new WebhookRequest(
                body == null ? new byte[0] : body,
                headers.getMediaType(),
                byName,
                Instant.now(),
                TraceParent.current());
        return webhooks.receive(channel, inboxId, request)
                .onItemOrFailure()
                .invoke((response, failure) -> outcomes.record(channel, response, failure));
    }
}
