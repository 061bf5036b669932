package io.parley.gateway.contact;

import io.parley.contracts.api.Contacts;
import io.parley.gateway.conversation.VisibleConversations;
import io.parley.gateway.downstream.ContactsClient;
import io.parley.gateway.downstream.Downstream;
import io.parley.gateway.security.Agent;
import io.parley.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The customer of a conversation the caller may see, as one person across channels: their identities, attributes,
 * notes and every conversation. Agents edit attributes and add notes; supervisors and admins merge duplicates.
 */
@Path("/api/conversations/{id}/contact")
@RolesAllowed({Agent.AGENT, Agent.SUPERVISOR, Agent.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConversationContactResource {
    static final int MAX_ATTRIBUTES = 50;
    static final int MAX_ATTRIBUTE_LENGTH = 500;

    private final VisibleConversations conversations;
    private final ContactsClient contacts;
    private final SecurityIdentity identity;

    public ConversationContactResource(
            VisibleConversations conversations, @RestClient ContactsClient contacts, SecurityIdentity identity) {
        this.conversations = conversations;
        this.contacts = contacts;
        this.identity = identity;
    }

    @GET
    public Uni<Contacts.Profile> profile(@PathParam("id") UUID id) {
        return person(id).flatMap(person -> Downstream.call(Downstream.ROUTING, contacts.profile(person)));
    }

    /** {"company": "Acme", "plan": null}: sets or (null) removes attributes. */
    @PATCH
    @Path("/attributes")
    public Uni<Contacts.Profile> attributes(@PathParam("id") UUID id, @NotNull Map<String, String> changes) {
        if (changes.size() > MAX_ATTRIBUTES) {
            throw ProblemException.unprocessable("at most " + MAX_ATTRIBUTES + " attributes at once");
        }
        changes.forEach((key, value) -> {
            if (key.isBlank() || key.length() > 64 || (value != null && value.length() > MAX_ATTRIBUTE_LENGTH)) {
                throw ProblemException.unprocessable(
                        "attribute names are 1 to 64 characters, values at most " + MAX_ATTRIBUTE_LENGTH);
            }
        });
        return person(id).flatMap(person -> Downstream.call(Downstream.ROUTING, contacts.attributes(person, changes)));
    }

    @POST
    @Path("/notes")
    public Uni<Contacts.NoteView> note(@PathParam("id") UUID id, @Valid @NotNull Contacts.NoteRequest request) {
        return person(id).flatMap(person -> Downstream.call(Downstream.ROUTING, contacts.note(person, request)));
    }

    /** Merges this customer into another person (a duplicate found on another channel). */
    @POST
    @Path("/merge")
    @RolesAllowed({Agent.SUPERVISOR, Agent.ADMIN})
    public Uni<Contacts.Profile> merge(@PathParam("id") UUID id, @Valid @NotNull Contacts.MergeRequest request) {
        return person(id).flatMap(person -> Downstream.call(Downstream.ROUTING, contacts.merge(person, request)));
    }

    /** The conversation's person (profile id), if the caller may see the conversation. */
    private Uni<String> person(UUID conversationId) {
        return conversations.find(Agent.of(identity), conversationId.toString()).map(conversation -> {
            UUID profile = conversation.contact() == null
                    ? null
                    : conversation.contact().profileId();
            if (profile == null) {
                throw ProblemException.notFound("This conversation has no customer on record.");
            }
            return profile.toString();
        });
    }
}
