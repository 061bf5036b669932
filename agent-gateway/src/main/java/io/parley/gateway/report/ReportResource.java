package io.parley.gateway.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.gateway.downstream.Downstream;
import io.parley.gateway.downstream.MetricsClient;
import io.parley.gateway.security.Agent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Reports (docs/metrics.md), through metrics-service with the caller's token: an admin sees every figure, a supervisor
 * their teams', an agent their own. JSON, or CSV with {@code Accept: text/csv}, streamed as metrics writes it.
 */
@Path("/api/reports")
@RolesAllowed({Agent.AGENT, Agent.SUPERVISOR, Agent.ADMIN})
public class ReportResource {

    /** The query parameters reports take; anything else is not passed on. */
    static final List<String> PARAMETERS = List.of(
            "from", "to", "timeZone", "groupBy", "bucket", "inbox", "channel", "team", "agent", "tag", "priority");

    private final MetricsClient metrics;

    public ReportResource(@RestClient MetricsClient metrics) {
        this.metrics = metrics;
    }

    // One path template for both methods: JAX-RS picks the template first, then the method by Accept.
    @GET
    @Path("/{report: conversations|csat|sla|events}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "A report: conversations, csat or sla (events is CSV only)",
            description = "from and to (dates or instants), timeZone, groupBy (inbox, channel, team, agent, tag,"
                    + " priority), bucket (hour, day, week, month), filters inbox, channel, team (repeatable), agent,"
                    + " tag, priority.")
    public Uni<JsonNode> report(@PathParam("report") String report, @Context UriInfo uri) {
        return Downstream.call(Downstream.METRICS, metrics.report(report, passedOn(uri)));
    }

    @GET
    @Path("/{report: conversations|csat|sla|events}")
    @Produces("text/csv;qs=0.5") // a client accepting anything gets JSON
    @Operation(summary = "A report, or every reporting event of a range (events), as CSV")
    public Multi<String> csv(@PathParam("report") String report, @Context UriInfo uri) {
        return Downstream.stream(Downstream.METRICS, metrics.csv(report, passedOn(uri)));
    }

    @GET
    @Path("/csat/contacts/{contactId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Agent.SUPERVISOR, Agent.ADMIN})
    @Operation(summary = "One customer's survey answers over time")
    public Uni<JsonNode> csatOfContact(@PathParam("contactId") String contactId) {
        return Downstream.call(Downstream.METRICS, metrics.csatOfContact(contactId));
    }

    @GET
    @Path("/live")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Agent.SUPERVISOR, Agent.ADMIN})
    @Operation(summary = "Each team's conversations and agents right now")
    public Uni<JsonNode> live() {
        return Downstream.call(Downstream.METRICS, metrics.live());
    }

    private static MultivaluedMap<String, String> passedOn(UriInfo uri) {
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        uri.getQueryParameters().forEach((name, values) -> {
            if (PARAMETERS.contains(name)) {
                query.put(name, values);
            }
        });
        return query;
    }
}
