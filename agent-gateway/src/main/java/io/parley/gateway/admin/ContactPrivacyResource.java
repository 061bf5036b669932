package io.parley.gateway.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.contracts.api.Contacts;
import io.parley.gateway.downstream.ContactsClient;
import io.parley.gateway.downstream.Downstream;
import io.parley.gateway.downstream.IngestClient;
import io.parley.gateway.security.Agent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A person's data rights over every service: export (GDPR Art. 15) and erasure (Art. 17). Erasure asks routing who
 * the person is on each channel, has ingest redact its archive of those identities, then erases routing's part; each
 * step is idempotent, so a failed erasure is simply asked again. Every step is in the services' audit logs.
 */
@Path("/api/admin/contacts/{id}")
@RolesAllowed(Agent.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: personal data")
public class ContactPrivacyResource {
    /**
     * @param routing what routing erased
     * @param ingest what ingest erased from each inbox's archive, as ingest-service answers
     */
    public record Erasure(Contacts.Erased routing, List<JsonNode> ingest) {}

    private final ContactsClient contacts;
    private final IngestClient ingest;
    private final ObjectMapper mapper;

    public ContactPrivacyResource(
            @RestClient ContactsClient contacts, @RestClient IngestClient ingest, ObjectMapper mapper) {
        this.contacts = contacts;
        this.ingest = ingest;
        this.mapper = mapper;
    }

    @GET
    @Path("/export")
    @Operation(
            summary = "Everything Parley holds about a person",
            description = "Their profile, identities on every channel, attributes, notes, conversations and messages.")
    public Uni<Contacts.Export> export(@PathParam("id") String id) {
        return Downstream.call(Downstream.ROUTING, contacts.export(id));
    }

    @POST
    @Path("/erasure")
    @Operation(
            summary = "Erase a person from every service",
            description = "Their name, channel ids, addresses, attributes, notes and every message text go; the"
                    + " conversations keep their times and who handled them. Idempotent.")
    public Uni<Erasure> erase(@PathParam("id") String id) {
        return Downstream.call(Downstream.ROUTING, contacts.identities(id))
                .flatMap(identities -> Multi.createFrom()
                        .iterable(identities)
                        .onItem()
                        .transformToUniAndConcatenate(identity -> Downstream.call(
                                Downstream.INGEST,
                                ingest.erase(
                                        identity.inboxId(),
                                        mapper.createObjectNode()
                                                .put("sourceId", identity.sourceId())
                                                .set("threadKeys", mapper.valueToTree(identity.threadKeys())))))
                        .collect()
                        .asList())
                .flatMap(archives -> Downstream.call(Downstream.ROUTING, contacts.erase(id))
                        .map(routing -> new Erasure(routing, archives)));
    }
}
