package io.parley.metrics.reporting;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Reports for agent-gateway, which checks the caller's role; internal to the cluster. */
@Path("/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {
    private final ReportService reports;

    public ReportResource(ReportService reports) {
        this.reports = reports;
    }

    @GET
    @Path("/summary")
    public Uni<Summary> summary() {
        return reports.summary();
    }
}
