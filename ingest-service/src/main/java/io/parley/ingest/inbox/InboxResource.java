package io.parley.ingest.inbox;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Inbox management, internal to the cluster: operators reach it through agent-gateway's admin API, scripts
 * (./parley up) directly.
 */
@Path("/inboxes")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {
    private final InboxService inboxes;

    public InboxResource(InboxService inboxes) {
        this.inboxes = inboxes;
    }

    @GET
    public Uni<List<InboxView>> list() {
        return inboxes.list().map(all -> all.stream().map(InboxView::of).toList());
    }

    @GET
    @Path("/{id}")
    public Uni<InboxView> get(@PathParam("id") String id) {
        return inboxes.get(id).map(InboxView::of);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<InboxView> put(@PathParam("id") String id, InboxRequest request) {
        return inboxes.put(id, request).map(InboxView::of);
    }
}
