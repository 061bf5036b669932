package io.parley.gateway.admin;

import io.parley.contracts.api.InboxSettings;
import io.parley.gateway.downstream.Downstream;
import io.parley.gateway.downstream.InboxSettingsClient;
import io.parley.gateway.security.Agent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** What routing does per inbox: the survey on resolve (CSAT/NPS), the reopen window, how replies are signed. */
@Path("/api/admin/inboxes/{id}/settings")
@RolesAllowed(Agent.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InboxSettingsAdminResource {

    private final InboxSettingsClient settings;

    public InboxSettingsAdminResource(@RestClient InboxSettingsClient settings) {
        this.settings = settings;
    }

    @GET
    public Uni<InboxSettings.Settings> get(@PathParam("id") String id) {
        return Downstream.call(Downstream.ROUTING, settings.get(id));
    }

    /** {"survey": "csat", "reopenWindowMinutes": 1440, "replySignature": "initials"}; what is left out gets its default. */
    @PUT
    public Uni<InboxSettings.Settings> put(@PathParam("id") String id, @Valid @NotNull InboxSettings.Settings request) {
        return Downstream.call(Downstream.ROUTING, settings.put(id, request));
    }
}
