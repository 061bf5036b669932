package io.parley.gateway.downstream;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

/** metrics-service's report API; the caller's token goes along, so metrics applies the caller's scope. */
@AccessToken
@RegisterRestClient(configKey = "metrics")
@Path("/reports")
public interface MetricsClient {
    /** @param report conversations, csat or sla */
    @GET
    @Path("/{report}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JsonNode> report(@PathParam("report") String report, @RestQuery MultivaluedMap<String, String> query);

    /** @param report conversations, csat, sla or events; the CSV arrives, and is passed on, as it is written */
    @GET
    @Path("/{report}")
    @Produces("text/csv")
    Multi<String> csv(@PathParam("report") String report, @RestQuery MultivaluedMap<String, String> query);

    @GET
    @Path("/csat/contacts/{contactId}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JsonNode> csatOfContact(@PathParam("contactId") String contactId);

    @GET
    @Path("/live")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JsonNode> live();
}
