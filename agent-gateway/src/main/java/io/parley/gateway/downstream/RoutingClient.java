package io.parley.gateway.downstream;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** routing-service's conversation API; the gateway passes its JSON through after deciding who may see it. */
@RegisterRestClient(configKey = "routing")
@Path("/conversations")
public interface RoutingClient {
    @GET
    Uni<JsonNode> search(
            @QueryParam("assignee") String assignee,
            @QueryParam("team") List<String> teams,
            @QueryParam("status") String status,
            @QueryParam("limit") Integer limit);

    @GET
    @Path("/{id}")
    Uni<JsonNode> detail(@PathParam("id") String id);
}
