package io.parley.gateway.downstream;

import io.parley.contracts.api.Contacts;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** routing-service's contacts: the person across channels, attributes, notes, merge, export and erasure. */
@AccessToken
@RegisterRestClient(configKey = "routing")
@Path("/contacts/{id}")
public interface ContactsClient {
    @GET
    Uni<Contacts.Profile> profile(@PathParam("id") String id);

    @PATCH
    @Path("/attributes")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Contacts.Profile> attributes(@PathParam("id") String id, Map<String, String> changes);

    @POST
    @Path("/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Contacts.NoteView> note(@PathParam("id") String id, Contacts.NoteRequest request);

    @POST
    @Path("/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Contacts.Profile> merge(@PathParam("id") String id, Contacts.MergeRequest request);

    @GET
    @Path("/export")
    Uni<Contacts.Export> export(@PathParam("id") String id);

    @GET
    @Path("/identities")
    Uni<List<Contacts.ErasureTarget>> identities(@PathParam("id") String id);

    @POST
    @Path("/erasure")
    Uni<Contacts.Erased> erase(@PathParam("id") String id);
}
