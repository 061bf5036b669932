package io.parley.gateway.admin;

import io.parley.contracts.api.SlaPolicies;
import io.parley.contracts.api.Teams;
import io.parley.gateway.downstream.Downstream;
import io.parley.gateway.downstream.SlaPoliciesClient;
import io.parley.gateway.security.Agent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** SLA policies that teams refer to: response and resolution targets, and escalation of unanswered conversations. */
@Path("/api/admin/sla-policies")
@RolesAllowed(Agent.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: SLA policies")
public class SlaPolicyAdminResource {
    private final SlaPoliciesClient policies;

    public SlaPolicyAdminResource(@RestClient SlaPoliciesClient policies) {
        this.policies = policies;
    }

    @GET
    public Uni<List<SlaPolicies.Policy>> list() {
        return Downstream.call(Downstream.ROUTING, policies.list());
    }

    @GET
    @Path("/{id}")
    public Uni<SlaPolicies.Policy> get(@PathParam("id") @Pattern(regexp = Teams.ID) String id) {
        return Downstream.call(Downstream.ROUTING, policies.get(id));
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Creates or replaces a policy; running timers keep the targets they started with")
    public Uni<SlaPolicies.Policy> put(
            @PathParam("id") @Pattern(regexp = Teams.ID) String id, @Valid @NotNull SlaPolicies.Policy policy) {
        return Downstream.call(Downstream.ROUTING, policies.put(id, policy));
    }
}
