package io.parley.ingest.webhook;

import io.parley.contracts.WebhookSignature;
import io.parley.ingest.inbox.Channel;
import io.parley.ingest.inbox.InboxService;
import io.parley.ingest.intake.IntakeService;
import io.parley.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/** The generic signed API channel: any system can post customer messages here. */
@Path("/webhooks/api/{inboxId}")
public class ApiWebhookResource {
    public static final String SIGNATURE_HEADER = "X-Parley-Signature";

    private final InboxService inboxes;
    private final ApiWebhookNormaliser normaliser;
    private final IntakeService intake;
    private final SignatureFailures signatureFailures;

    public ApiWebhookResource(
            InboxService inboxes,
            ApiWebhookNormaliser normaliser,
            IntakeService intake,
            SignatureFailures signatureFailures) {
        this.inboxes = inboxes;
        this.normaliser = normaliser;
        this.intake = intake;
        this.signatureFailures = signatureFailures;
    }

    /** The body is taken as raw bytes: the signature covers exactly what was sent, not a re-serialisation. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> receive(
            @PathParam("inboxId") String inboxId, @HeaderParam(SIGNATURE_HEADER) String signature, byte[] body) {
        Instant receivedAt = Instant.now();
        return inboxes.find(inboxId)
                .flatMap(inbox -> {
                    if (inbox == null || !Channel.API.id().equals(inbox.channel)) {
                        throw ProblemException.notFound("No API inbox " + inboxId + ".");
                    }
                    if (!WebhookSignature.matches(inbox.secret, body, signature)) {
                        signatureFailures.record(inbox.id);
                        throw ProblemException.unauthorized(
                                signature == null
                                        ? "Missing " + SIGNATURE_HEADER + " header."
                                        : "The " + SIGNATURE_HEADER + " does not match the body.");
                    }
                    return intake.accept(normaliser.normalise(inbox, body, receivedAt));
                })
                .map(result -> Response.status(result.duplicate() ? 200 : 202)
                        .entity(result)
                        .build());
    }
}
