package io.parley.gateway.admin;

import io.parley.audit.AuditFilter;
import io.parley.audit.AuditTrail;
import io.parley.gateway.conversation.ConversationResource;
import io.parley.gateway.downstream.AuditClient;
import io.parley.gateway.downstream.Downstream;
import io.parley.gateway.security.Agent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * One audit log over the services that record changes: routing (conversations, rules, teams, hours, SLA policies, tags,
 * contacts, availability) and ingest (inboxes, secrets, replays). Each entry says which service recorded it.
 */
@Path("/api/admin/audit")
@RolesAllowed(Agent.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: audit")
public class AuditAdminResource {
    private final AuditClient.Routing routing;
    private final AuditClient.Ingest ingest;

    public AuditAdminResource(@RestClient AuditClient.Routing routing, @RestClient AuditClient.Ingest ingest) {
        this.routing = routing;
        this.ingest = ingest;
    }

    /** An entry of a service's audit log, naming the service. */
    public record AuditEntry(
            String service,
            UUID id,
            Instant at,
            String actor,
            String action,
            String objectType,
            String objectId,
            String detail) {
        static AuditEntry of(String service, AuditTrail.Entry e) {
            return new AuditEntry(
                    service, e.id(), e.at(), e.actor(), e.action(), e.objectType(), e.objectId(), e.detail());
        }
    }

    /** The services whose logs are merged, in the merged log's order of services. */
    private static final List<String> SERVICES = List.of(Downstream.INGEST, Downstream.ROUTING);

    @GET
    @Operation(
            summary = "Who changed what, newest first",
            description = "Filters: actor, objectType (conversation, inbox, rule, team, …), objectId, from (inclusive)"
                    + " and to (exclusive) as ISO-8601 instants, limit (1–500, default 100). A full page's X-Next-Cursor"
                    + " header is the cursor of the next.")
    public Uni<RestResponse<List<AuditEntry>>> find(
            @QueryParam("actor") String actor,
            @QueryParam("objectType") String objectType,
            @QueryParam("objectId") String objectId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") @DefaultValue("100") int limit,
            @QueryParam("cursor") @Size(max = 300) String cursor) {
        AuditFilter filter = AuditFilter.of(actor, objectType, objectId, from, to, limit, null);
        filter.toQuery(); // refuses bad filters here, with the same problem the services would give
        AuditCursor after = cursor == null || cursor.isBlank() ? null : AuditCursor.parse(cursor);
        List<Uni<List<AuditEntry>>> logs = SERVICES.stream()
                .map(service -> Downstream.call(
                                service,
                                client(service).find(filter.after(after == null ? null : after.positionIn(service))))
                        .map(entries -> entries.stream()
                                .map(e -> AuditEntry.of(service, e))
                                .toList()))
                .toList();
        return Uni.join().all(logs).andFailFast().map(pages -> {
            List<AuditEntry> merged = new ArrayList<>();
            boolean more = false;
            for (List<AuditEntry> page : pages) {
                merged.addAll(page);
                more |= page.size() == limit;
            }
            merged.sort(AuditCursor.ORDER);
            List<AuditEntry> page = merged.size() > limit ? merged.subList(0, limit) : merged;
            RestResponse.ResponseBuilder<List<AuditEntry>> answer = RestResponse.ResponseBuilder.ok(List.copyOf(page));
            if ((more || merged.size() > limit) && !page.isEmpty()) {
                answer.header(
                        ConversationResource.NEXT_CURSOR,
                        AuditCursor.after(page.get(page.size() - 1)).encode());
            }
            return answer.build();
        });
    }

    private AuditClient client(String service) {
        return Downstream.ROUTING.equals(service) ? routing : ingest;
    }
}
