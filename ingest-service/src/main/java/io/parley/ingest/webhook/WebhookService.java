package io.parley.ingest.webhook;

import io.parley.ingest.channel.ChannelAdapter;
import io.parley.ingest.channel.WebhookBatch;
import io.parley.ingest.channel.WebhookRequest;
import io.parley.ingest.inbox.Inbox;
import io.parley.ingest.inbox.InboxService;
import io.parley.ingest.intake.IntakeService;
import io.parley.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The steps every channel shares, in the order that keeps bad input cheap and forged input harmless: find the inbox,
 * check the content type, verify the proof on the raw bytes, parse, then hand the batch to intake.
 */
@ApplicationScoped
public class WebhookService {
    private static final Logger LOG = Logger.getLogger(WebhookService.class);

    private final Map<String, ChannelAdapter> adapters;
    private final InboxService inboxes;
    private final IntakeService intake;
    private final SignatureFailures signatureFailures;
    private final ForeignAccountEntries foreignEntries;

    public WebhookService(
            Instance<ChannelAdapter> adapters,
            InboxService inboxes,
            IntakeService intake,
            SignatureFailures signatureFailures,
            ForeignAccountEntries foreignEntries) {
        this.adapters =
                adapters.stream().collect(Collectors.toMap(a -> a.channel().id(), Function.identity()));
        this.inboxes = inboxes;
        this.intake = intake;
        this.signatureFailures = signatureFailures;
        this.foreignEntries = foreignEntries;
    }

    public Uni<Response> handshake(String channel, String inboxId, MultivaluedMap<String, String> query) {
        ChannelAdapter adapter = adapter(channel);
        return inbox(adapter, inboxId).map(inbox -> adapter.handshake(inbox, query));
    }

    public Uni<Response> receive(String channel, String inboxId, WebhookRequest request) {
        ChannelAdapter adapter = adapter(channel);
        return inbox(adapter, inboxId).flatMap(inbox -> {
            if (!adapter.accepts(request.contentType())) {
                throw new ProblemException(
                        Response.Status.UNSUPPORTED_MEDIA_TYPE,
                        "The " + channel + " channel does not accept " + request.contentType() + ".");
            }
            if (!adapter.verify(inbox, request)) {
                signatureFailures.record(channel, inbox.id);
                throw ProblemException.unauthorized("The request's signature or token is missing or wrong.");
            }
            WebhookBatch batch = parse(adapter, inbox, request);
            foreignEntries.check(inbox, batch);
            return intake.accept(inbox, request, batch)
                    .map(result -> Response.status(result.accepted() > 0 ? adapter.acceptedStatus() : 200)
                            .entity(result)
                            .build());
        });
    }

    private ChannelAdapter adapter(String channel) {
        ChannelAdapter adapter = adapters.get(channel);
        if (adapter == null) {
            throw ProblemException.notFound("No channel " + channel + ".");
        }
        return adapter;
    }

    private Uni<Inbox> inbox(ChannelAdapter adapter, String inboxId) {
        return inboxes.find(inboxId)
                .onFailure()
                .transform(failure -> {
                    // The provider retries on 503; a 500 would read as a bug in the webhook.
                    LOG.warnf("could not look up inbox %s: %s", inboxId, failure.getMessage());
                    return ProblemException.unavailable("The inbox could not be looked up; retry later.");
                })
                .map(inbox -> {
                    if (inbox == null || !adapter.channel().id().equals(inbox.channel)) {
                        throw ProblemException.notFound(
                                "No " + adapter.channel().id() + " inbox " + inboxId + ".");
                    }
                    return inbox;
                });
    }

    /** A payload an adapter trips over is the sender's problem (400), never a 500. */
    private static WebhookBatch parse(ChannelAdapter adapter, Inbox inbox, WebhookRequest request) {
        try {
            return adapter.parse(inbox, request);
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.debugf(
                    "unreadable %s payload for inbox %s: %s", adapter.channel().id(), inbox.id, e);
            throw ProblemException.badRequest(
                    "The payload could not be read as a " + adapter.channel().id() + " webhook.");
        }
    }
}
