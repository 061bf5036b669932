package io.parley.gateway.downstream;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

@AccessToken
@RegisterRestClient(configKey = "metrics")
@Path("/reports")
public interface MetricsClient {
    @GET
    @Path("/summary")
    Uni<JsonNode> summary();
}
