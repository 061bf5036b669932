package io.parley.gateway.admin;

import io.parley.contracts.api.BusinessHours;
import io.parley.contracts.api.Teams;
import io.parley.gateway.downstream.BusinessHoursClient;
import io.parley.gateway.downstream.Downstream;
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

/** Opening hours that teams refer to: SLA clocks count them and the away message answers outside them. */
@Path("/api/admin/business-hours")
@RolesAllowed(Agent.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: business hours")
public class BusinessHoursAdminResource {
    private final BusinessHoursClient hours;

    public BusinessHoursAdminResource(@RestClient BusinessHoursClient hours) {
        this.hours = hours;
    }

    @GET
    public Uni<List<BusinessHours.Schedule>> list() {
        return Downstream.call(Downstream.ROUTING, hours.list());
    }

    @GET
    @Path("/{id}")
    public Uni<BusinessHours.Schedule> get(@PathParam("id") @Pattern(regexp = Teams.ID) String id) {
        return Downstream.call(Downstream.ROUTING, hours.get(id));
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Creates or replaces a schedule: time zone, weekly intervals, holidays, away message")
    public Uni<BusinessHours.Schedule> put(
            @PathParam("id") @Pattern(regexp = Teams.ID) String id, @Valid @NotNull BusinessHours.Schedule schedule) {
        return Downstream.call(Downstream.ROUTING, hours.put(id, schedule));
    }
}
