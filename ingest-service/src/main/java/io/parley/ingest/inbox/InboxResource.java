package io.parley.ingest.inbox;

import io.parley.audit.AuditTrail;
import io.parley.ingest.intake.ReplayService;
import io.parley.ingest.privacy.ArchiveErasure;
import io.parley.ingest.secrets.SecretRotation;
import io.parley.problem.ProblemException;
import io.parley.security.Actor;
import io.parley.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Inbox management, for admins only: operators reach it through agent-gateway's admin API (which passes on the admin's
 * token), scripts (./parley up) directly with an admin's token.
 */
@Path("/inboxes")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {
    private final InboxService inboxes;
    private final ReplayService replays;
    private final SecretRotation rotation;
    private final SecurityIdentity identity;
    private final ArchiveErasure erasure;

    public InboxResource(
            InboxService inboxes,
            ReplayService replays,
            SecretRotation rotation,
            SecurityIdentity identity,
            ArchiveErasure erasure) {
        this.identity = identity;
        this.erasure = erasure;
        this.inboxes = inboxes;
        this.replays = replays;
        this.rotation = rotation;
    }

    public record RotationResult(int reencrypted) {}

    /**
     * Erases one person from the inbox's archive (agent-gateway's erasure calls it with routing's identities of the
     * person); idempotent.
     */
    @POST
    @Path("/{id}/erasure")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ArchiveErasure.Result> erase(@PathParam("id") String id, ArchiveErasure.Request request) {
        if (request == null || request.sourceId() == null || request.sourceId().isBlank()) {
            throw ProblemException.unprocessable("sourceId (the person's id on the channel) is required");
        }
        return erasure.erase(id, request, Actor.of(identity));
    }

    /** Re-encrypts every inbox secret not under the active key (after a key rotation); idempotent. */
    @POST
    @Path("/secrets/rotate")
    public Uni<RotationResult> rotateSecrets() {
        return rotation.rotate()
                .call(count -> audit(Actor.of(identity), "inbox.secrets_rotated", "*", "reencrypted=" + count))
                .map(RotationResult::new);
    }

    @GET
    public Uni<List<InboxView>> list() {
        return inboxes.list().map(all -> all.stream().map(InboxView::of).toList());
    }

    @GET
    @Path("/{id}")
    public Uni<InboxView> get(@PathParam("id") String id) {
        return inboxes.get(id).map(InboxView::of);
    }

    /** Re-publishes what the inbox accepted between from (inclusive) and to (exclusive), ISO-8601 instants. */
    @POST
    @Path("/{id}/replay")
    public Uni<ReplayService.ReplayResult> replay(
            @PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
        Actor actor = Actor.of(identity);
        return inboxes.get(id)
                .flatMap(inbox -> replays.replay(inbox.id, instant("from", from), instant("to", to)))
                .call(result -> audit(actor, "inbox.replayed", id, "from=" + from + " to=" + to));
    }

    private static Uni<Void> audit(Actor actor, String action, String inbox, String detail) {
        return AuditTrail.record(actor.username(), action, "inbox", inbox, detail, Instant.now());
    }

    private static Instant instant(String name, String value) {
        if (value == null) {
            throw ProblemException.badRequest(
                    name + " is required (an ISO-8601 instant such as 2026-11-23T10:00:00Z).");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + " is not an ISO-8601 instant: " + value);
        }
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<InboxView> put(@PathParam("id") String id, InboxRequest request) {
        return inboxes.put(id, request, Actor.of(identity)).map(InboxView::of);
    }
}
