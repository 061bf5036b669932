package io.parley.gateway.downstream;

import io.parley.contracts.api.InboxSettings;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** routing-service's settings per inbox (survey, reopen window, reply signature), typed by the shared contract. */
@AccessToken
@RegisterRestClient(configKey = "routing")
@Path("/inboxes/{inbox}/settings")
@Consumes(MediaType.APPLICATION_JSON)
public interface InboxSettingsClient {
    @GET
    Uni<InboxSettings.Settings> get(@PathParam("inbox") String inbox);

    @PUT
    Uni<InboxSettings.Settings> put(@PathParam("inbox") String inbox, InboxSettings.Settings settings);
}
