package io.parley.routing.sla;

import io.parley.contracts.api.SlaPolicies;
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
import java.util.stream.Stream;

@Path("/sla-policies")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SlaPolicyResource {
    static SlaPolicies.Policy of(SlaPolicy p) {
        return new SlaPolicies.Policy(
                p.id,
                p.firstResponseMinutes,
                p.nextResponseMinutes,
                p.resolutionMinutes,
                p.businessHours,
                p.unansweredMinutes,
                p.escalationTeam);
    }

    private final Clock clock;

    private final AuditLog audit;
    private final SecurityIdentity identity;

    public SlaPolicyResource(Clock clock, AuditLog audit, SecurityIdentity identity) {
        this.audit = audit;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @WithSession
    public Uni<List<SlaPolicies.Policy>> list() {
        return SlaPolicy.<SlaPolicy>listAll(Sort.by("id"))
                .map(all -> all.stream().map(SlaPolicyResource::of).toList());
    }

    @GET
    @Path("/{id}")
    @WithSession
    public Uni<SlaPolicies.Policy> get(@PathParam("id") String id) {
        return SlaPolicy.<SlaPolicy>findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("No SLA policy " + id + "."))
                .map(SlaPolicyResource::of);
    }

    /** Applies to timers started from now on; running timers keep the target they started with. */
    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @WithTransaction
    public Uni<SlaPolicies.Policy> put(@PathParam("id") String id, SlaPolicies.Policy body) {
        if (!id.matches(Teams.ID)) {
            throw ProblemException.unprocessable("SLA policy ids are lower-case letters, digits and dashes");
        }
        if (body == null) {
            throw ProblemException.unprocessable("a policy body is required");
        }
        if (Stream.of(
                        body.firstResponseMinutes(),
                        body.nextResponseMinutes(),
                        body.resolutionMinutes(),
                        body.unansweredMinutes())
                .anyMatch(m -> m != null && m < 1)) {
            throw ProblemException.unprocessable("targets are whole minutes, at least 1");
        }
        return SlaPolicy.<SlaPolicy>findById(id)
                .flatMap(existing -> {
                    SlaPolicy policy = existing != null ? existing : new SlaPolicy();
                    policy.id = id;
                    policy.firstResponseMinutes = body.firstResponseMinutes();
                    policy.nextResponseMinutes = body.nextResponseMinutes();
                    policy.resolutionMinutes = body.resolutionMinutes();
                    policy.businessHours = body.businessHours();
                    policy.unansweredMinutes = body.unansweredMinutes();
                    policy.escalationTeam = body.escalationTeam();
                    policy.updatedAt = clock.instant();
                    return (existing != null ? Uni.createFrom().item(policy) : policy.<SlaPolicy>persist())
                            .map(SlaPolicyResource::of);
                })
                .call(() -> audit.record(Actor.of(identity), "sla-policy.put", "sla-policy", id, null));
    }
}
