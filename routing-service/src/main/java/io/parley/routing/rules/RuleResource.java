package io.parley.routing.rules;

import io.parley.contracts.api.Rules;
import io.parley.problem.ProblemException;
import io.parley.routing.audit.AuditLog;
import io.parley.security.Actor;
import io.parley.security.Roles;
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
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/**
 * Automation rules; changes apply to the next message without a restart. Admins change them, supervisors read them; the
 * audit names who changed what, from the token.
 */
@Path("/rules")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RuleResource {

    private final RuleService rules;
    private final RuleEngine engine;
    private final SecurityIdentity identity;
    private final AuditLog audit;

    public RuleResource(RuleService rules, RuleEngine engine, SecurityIdentity identity, AuditLog audit) {
        this.audit = audit;
        this.rules = rules;
        this.engine = engine;
        this.identity = identity;
    }

    @GET
    public Uni<List<Rules.Rule>> list() {
        return rules.list();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> create(Rules.Rule rule) {
        // The engine forgets its cached rules once the change is committed, not before.
        return rules.create(rule, actor())
                .invoke(engine::changed)
                .call(created -> audit.record(
                        Actor.of(identity), "rule.created", "rule", created.id().toString(), null))
                .map(created -> Response.status(201).entity(created).build());
    }

    @GET
    @Path("/audit")
    public Uni<List<Rules.Change>> audit(@QueryParam("rule") String rule) {
        return rules.audit(rule == null ? null : id(rule));
    }

    @GET
    @Path("/{id}")
    public Uni<Rules.Rule> get(@PathParam("id") String id) {
        return rules.get(id(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Rules.Rule> update(@PathParam("id") String id, Rules.Rule rule) {
        return rules.update(id(id), rule, actor())
                .invoke(engine::changed)
                .call(() -> audit.record(Actor.of(identity), "rule.updated", "rule", id, null));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Void> delete(@PathParam("id") String id) {
        return rules.delete(id(id), actor())
                .invoke(engine::changed)
                .call(() -> audit.record(Actor.of(identity), "rule.deleted", "rule", id, null));
    }

    private String actor() {
        return Actor.of(identity).username();
    }

    static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No rule " + id + ".");
        }
    }
}
