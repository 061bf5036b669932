package io.parley.gateway.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.audit.AuditFilter;
import io.parley.gateway.downstream.AuditClient;
import io.parley.gateway.downstream.Downstream;
import io.parley.gateway.security.Agent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

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

    @GET
    @Operation(
            summary = "Who changed what, newest first",
            description = "Filters: actor, objectType (conversation, inbox, rule, team, …), objectId, from (inclusive)"
                    + " and to (exclusive) as ISO-8601 instants, limit (1–500, default 100).")
    public Uni<List<JsonNode>> find(@BeanParam AuditFilter filter) {
        filter.toQuery(); // refuses bad filters here, with the same problem the services would give
        return Uni.combine()
                .all()
                .unis(
                        Downstream.call(Downstream.ROUTING, routing.find(filter)),
                        Downstream.call(Downstream.INGEST, ingest.find(filter)))
                .with((fromRouting, fromIngest) -> {
                    List<JsonNode> entries = new ArrayList<>();
                    collect(entries, fromRouting, Downstream.ROUTING);
                    collect(entries, fromIngest, Downstream.INGEST);
                    entries.sort(Comparator.comparing(
                                    (JsonNode e) -> Instant.parse(e.path("at").asText()))
                            .reversed());
                    return entries.size() > filter.limit ? entries.subList(0, filter.limit) : entries;
                });
    }

    private static void collect(List<JsonNode> into, JsonNode entries, String service) {
        for (JsonNode entry : entries) {
            into.add(((ObjectNode) entry.deepCopy()).put("service", service));
        }
    }
}
