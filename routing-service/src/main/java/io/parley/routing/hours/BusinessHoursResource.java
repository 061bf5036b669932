package io.parley.routing.hours;

import io.parley.contracts.api.BusinessHours.Schedule;
import io.parley.contracts.api.Teams;
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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import java.util.Map;

@Path("/business-hours")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BusinessHoursResource {
    static Schedule of(BusinessHours hours) {
        return new Schedule(hours.id, hours.timeZone, hours.weeklyMap(), hours.holidayList(), hours.awayMessage);
    }

    private final Clock clock;

    private final AuditLog audit;
    private final SecurityIdentity identity;

    public BusinessHoursResource(Clock clock, AuditLog audit, SecurityIdentity identity) {
        this.audit = audit;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @WithSession
    public Uni<List<Schedule>> list() {
        return BusinessHours.<BusinessHours>listAll(Sort.by("id"))
                .map(all -> all.stream().map(BusinessHoursResource::of).toList());
    }

    @GET
    @Path("/{id}")
    @WithSession
    public Uni<Schedule> get(@PathParam("id") String id) {
        return BusinessHours.<BusinessHours>findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("No business hours " + id + "."))
                .map(BusinessHoursResource::of);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @WithTransaction
    public Uni<Schedule> put(@PathParam("id") String id, Schedule body) {
        if (!id.matches(Teams.ID)) {
            throw ProblemException.unprocessable("business hours ids are lower-case letters, digits and dashes");
        }
        if (body == null || body.timeZone() == null) {
            throw ProblemException.unprocessable("timeZone is required");
        }
        try {
            BusinessHours.calendar(body.timeZone(), body.weekly(), body.holidays());
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable(e.getMessage());
        }
        return BusinessHours.<BusinessHours>findById(id)
                .flatMap(existing -> {
                    BusinessHours hours = existing != null ? existing : new BusinessHours();
                    hours.id = id;
                    hours.timeZone = body.timeZone();
                    hours.weekly = BusinessHours.write(body.weekly() == null ? Map.of() : body.weekly());
                    hours.holidays = BusinessHours.write(body.holidays() == null ? List.of() : body.holidays());
                    hours.awayMessage = body.awayMessage();
                    hours.updatedAt = clock.instant();
                    return (existing != null ? Uni.createFrom().item(hours) : hours.<BusinessHours>persist())
                            .map(BusinessHoursResource::of);
                })
                .call(() -> audit.record(Actor.of(identity), "business-hours.put", "business-hours", id, null));
    }
}
