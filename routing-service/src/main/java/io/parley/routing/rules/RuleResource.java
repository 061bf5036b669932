package io.parley.routing.rules;

import io.parley.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

/** Automation rules; changes apply to the next message without a restart. X-Parley-Actor names who changed what. */
@Path("/rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RuleResource {
    static final String ACTOR = "X-Parley-Actor";

    private final RuleService rules;
    private final RuleEngine engine;

    public RuleResource(RuleService rules, RuleEngine engine) {
        this.rules = rules;
        this.engine = engine;
    }

    @GET
    public Uni<List<RuleService.RuleView>> list() {
        return rules.list();
    }

    @POST
    public Uni<Response> create(@HeaderParam(ACTOR) String actor, RuleService.RuleView rule) {
        // The engine forgets its cached rules once the change is committed, not before.
        return rules.create(rule, actor(actor))
                .invoke(engine::changed)
                .map(created -> Response.status(201).entity(created).build());
    }

    @GET
    @Path("/audit")
    public Uni<List<RuleService.AuditView>> audit(@QueryParam("rule") String rule) {
        return rules.audit(rule == null ? null : id(rule));
    }

    @GET
    @Path("/{id}")
    public Uni<RuleService.RuleView> get(@PathParam("id") String id) {
        return rules.get(id(id));
    }

    @PUT
    @Path("/{id}")
    public Uni<RuleService.RuleView> update(
            @PathParam("id") String id, @HeaderParam(ACTOR) String actor, RuleService.RuleView rule) {
        return rules.update(id(id), rule, actor(actor)).invoke(engine::changed);
    }

    @DELETE
    @Path("/{id}")
    public Uni<Void> delete(@PathParam("id") String id, @HeaderParam(ACTOR) String actor) {
        return rules.delete(id(id), actor(actor)).invoke(engine::changed);
    }

    static String actor(String header) {
        if (header == null || header.isBlank()) {
            throw ProblemException.badRequest("X-Parley-Actor (who makes the change) is required");
        }
        return header;
    }

    static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No rule " + id + ".");
        }
    }
}
