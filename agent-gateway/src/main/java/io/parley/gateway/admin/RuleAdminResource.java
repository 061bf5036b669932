package io.parley.gateway.admin;

import io.parley.contracts.api.Rules;
import io.parley.gateway.downstream.Downstream;
import io.parley.gateway.downstream.RulesClient;
import io.parley.gateway.security.Agent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** Automation rules for admins: routing-service validates, stores and audits them and applies them in order. */
@Path("/api/admin/rules")
@RolesAllowed(Agent.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: automation rules")
public class RuleAdminResource {
    private final RulesClient rules;

    public RuleAdminResource(@RestClient RulesClient rules) {
        this.rules = rules;
    }

    @GET
    @Operation(summary = "Every rule in the order rules run")
    public Uni<List<Rules.Rule>> list() {
        return Downstream.call(Downstream.ROUTING, rules.list());
    }

    @POST
    public Uni<RestResponse<Rules.Rule>> create(@Valid @NotNull Rules.Rule rule) {
        return Downstream.call(Downstream.ROUTING, rules.create(rule))
                .map(created -> RestResponse.status(RestResponse.Status.CREATED, created));
    }

    @GET
    @Path("/changes")
    @Operation(summary = "Who changed which rule and how, newest first; ?rule= narrows to one rule")
    public Uni<List<Rules.Change>> changes(@QueryParam("rule") UUID rule) {
        return Downstream.call(Downstream.ROUTING, rules.changes(rule));
    }

    @GET
    @Path("/{id}")
    public Uni<Rules.Rule> get(@PathParam("id") UUID id) {
        return Downstream.call(Downstream.ROUTING, rules.get(id));
    }

    @PUT
    @Path("/{id}")
    public Uni<Rules.Rule> update(@PathParam("id") UUID id, @Valid @NotNull Rules.Rule rule) {
        return Downstream.call(Downstream.ROUTING, rules.update(id, rule));
    }

    @DELETE
    @Path("/{id}")
    public Uni<Void> delete(@PathParam("id") UUID id) {
        return Downstream.call(Downstream.ROUTING, rules.delete(id));
    }
}
