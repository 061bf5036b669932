package io.parley.gateway.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.gateway.downstream.Downstream;
import io.parley.gateway.downstream.MetricsClient;
import io.parley.gateway.security.Agent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Team-wide figures are for supervisors and admins. */
@Path("/api/reports")
@RolesAllowed({Agent.SUPERVISOR, Agent.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {
    private final MetricsClient metrics;

    public ReportResource(@RestClient MetricsClient metrics) {
        this.metrics = metrics;
    }

    @GET
    @Path("/summary")
    public Uni<JsonNode> summary() {
        return Downstream.call("metrics-service", metrics.summary());
    }
}
