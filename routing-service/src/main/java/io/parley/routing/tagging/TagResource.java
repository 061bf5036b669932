package io.parley.routing.tagging;

import io.parley.contracts.api.Tags;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/** The tag taxonomy. Deleting a tag takes it off every conversation. */
@Path("/tags")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TagResource {
    static final Pattern NAME = Pattern.compile(Tags.NAME);

    private final Clock clock;

    private final AuditLog audit;
    private final SecurityIdentity identity;

    public TagResource(Clock clock, AuditLog audit, SecurityIdentity identity) {
        this.audit = audit;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @WithSession
    public Uni<List<Tags.Tag>> list() {
        return Tag.<Tag>listAll(Sort.by("name"))
                .map(tags -> tags.stream()
                        .map(t -> new Tags.Tag(t.name, t.description))
                        .toList());
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("/{name}")
    @WithTransaction
    public Uni<Tags.Tag> put(@PathParam("name") String name, Tags.Tag body) {
        if (!NAME.matcher(name).matches()) {
            throw ProblemException.unprocessable("tag names are lower-case letters, digits and dashes");
        }
        return Tag.<Tag>findById(name)
                .flatMap(existing -> {
                    Tag tag = existing != null ? existing : new Tag();
                    tag.name = name;
                    tag.description = body == null ? tag.description : body.description();
                    if (existing == null) {
                        tag.createdAt = clock.instant();
                        return tag.<Tag>persist().map(t -> new Tags.Tag(t.name, t.description));
                    }
                    return Uni.createFrom().item(new Tags.Tag(tag.name, tag.description));
                })
                .call(() -> audit.record(Actor.of(identity), "tag.put", "tag", name, null));
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Path("/{name}")
    @WithTransaction
    public Uni<Void> delete(@PathParam("name") String name) {
        return ConversationTag.delete("tag", name)
                .flatMap(removed -> Tag.deleteById(name))
                .call(() -> audit.record(Actor.of(identity), "tag.deleted", "tag", name, null))
                .replaceWithVoid();
    }
}
