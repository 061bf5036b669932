package io.parley.routing.canned;

import io.parley.contracts.api.CannedReplies;
import io.parley.problem.ProblemException;
import io.parley.routing.audit.AuditLog;
import io.parley.security.Actor;
import io.parley.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Canned replies per team: read by everyone who answers (the gateway shows agents their teams'), written by admins
 * and audited. A shortcut is unique within its team.
 */
@Path("/canned-replies")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CannedReplyResource {
    static final Pattern SHORTCUT = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    static final int MAX_TEXT = 4096;

    private final Clock clock;
    private final AuditLog audit;
    private final SecurityIdentity identity;

    public CannedReplyResource(Clock clock, AuditLog audit, SecurityIdentity identity) {
        this.clock = clock;
        this.audit = audit;
        this.identity = identity;
    }

    /** @param teams only these teams' replies (any number); all teams' without */
    @GET
    @WithSession
    public Uni<List<CannedReplies.CannedReply>> list(@QueryParam("team") List<String> teams) {
        Sort order = Sort.by("team").and("shortcut");
        Uni<List<CannedReply>> replies = teams == null || teams.isEmpty()
                ? CannedReply.listAll(order)
                : CannedReply.list("team in ?1", order, teams);
        return replies.map(list -> list.stream().map(CannedReplyResource::view).toList());
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @WithTransaction
    public Uni<CannedReplies.CannedReply> create(CannedReplies.CannedReplyRequest request) {
        CannedReply reply = new CannedReply();
        reply.id = UUID.randomUUID();
        return save(reply, request, "canned_reply.created");
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @WithTransaction
    public Uni<CannedReplies.CannedReply> update(@PathParam("id") UUID id, CannedReplies.CannedReplyRequest request) {
        return CannedReply.<CannedReply>findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("No canned reply " + id + "."))
                .flatMap(reply -> save(reply, request, "canned_reply.updated"));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @WithTransaction
    public Uni<Void> delete(@PathParam("id") UUID id) {
        return CannedReply.deleteById(id)
                .flatMap(deleted -> deleted
                        ? audit.record(Actor.of(identity), "canned_reply.deleted", "canned_reply", id.toString(), null)
                        : Uni.createFrom().failure(ProblemException.notFound("No canned reply " + id + ".")))
                .replaceWithVoid();
    }

    private Uni<CannedReplies.CannedReply> save(
            CannedReply reply, CannedReplies.CannedReplyRequest request, String action) {
        validate(request);
        return CannedReply.count(
                        "team = ?1 and shortcut = ?2 and id <> ?3", request.team(), request.shortcut(), reply.id)
                .flatMap(taken -> {
                    if (taken > 0) {
                        throw new ProblemException(
                                409,
                                "Conflict",
                                "Team " + request.team() + " already has a reply /" + request.shortcut() + ".");
                    }
                    reply.team = request.team();
                    reply.shortcut = request.shortcut();
                    reply.title = request.title().strip();
                    reply.text = request.text();
                    reply.updatedBy = Actor.of(identity).username();
                    reply.updatedAt = clock.instant();
                    return reply.<CannedReply>persist();
                })
                .call(saved -> audit.record(Actor.of(identity), action, "canned_reply", saved.id.toString(), null))
                .map(CannedReplyResource::view);
    }

    private static CannedReplies.CannedReply view(CannedReply reply) {
        return new CannedReplies.CannedReply(reply.id, reply.team, reply.shortcut, reply.title, reply.text);
    }

    private static void validate(CannedReplies.CannedReplyRequest request) {
        if (request == null || request.team() == null || request.team().isBlank()) {
            throw ProblemException.unprocessable("team is required.");
        }
        if (request.shortcut() == null || !SHORTCUT.matcher(request.shortcut()).matches()) {
            throw ProblemException.unprocessable("shortcut is lower-case letters, digits and dashes, at most 32.");
        }
        if (request.title() == null
                || request.title().isBlank()
                || request.title().length() > 120) {
            throw ProblemException.unprocessable("title is required, at most 120 characters.");
        }
        if (request.text() == null || request.text().isBlank() || request.text().length() > MAX_TEXT) {
            throw ProblemException.unprocessable("text is required, at most " + MAX_TEXT + " characters.");
        }
    }
}
