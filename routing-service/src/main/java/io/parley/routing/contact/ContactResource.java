package io.parley.routing.contact;

import io.parley.contracts.api.Contacts;
import io.parley.contracts.api.Contacts.HistoryEntry;
import io.parley.contracts.api.Contacts.Identity;
import io.parley.contracts.api.Contacts.MergeRequest;
import io.parley.contracts.api.Contacts.NoteRequest;
import io.parley.contracts.api.Contacts.NoteView;
import io.parley.contracts.api.Contacts.Profile;
import io.parley.problem.ProblemException;
import io.parley.routing.audit.AuditLog;
import io.parley.routing.conversation.Conversation;
import io.parley.routing.conversation.Message;
import io.parley.security.Actor;
import io.parley.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One person's profile across channels: identities, attributes, shared notes and every conversation. */
@Path("/contacts/{id}")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactResource {
    private final ContactService contacts;
    private final Clock clock;
    private final SecurityIdentity identity;
    private final AuditLog audit;
    private final ContactErasure erasure;

    public ContactResource(
            ContactService contacts, Clock clock, SecurityIdentity identity, AuditLog audit, ContactErasure erasure) {
        this.audit = audit;
        this.erasure = erasure;
        this.contacts = contacts;
        this.clock = clock;
        this.identity = identity;
    }

    @GET
    @WithSession
    public Uni<Profile> get(@PathParam("id") String id) {
        return profile(parse(id));
    }

    @PATCH
    @Path("/attributes")
    @WithTransaction
    public Uni<Profile> attributes(@PathParam("id") String id, Map<String, String> changes) {
        if (changes == null) {
            throw ProblemException.unprocessable("a JSON object of attributes is required");
        }
        return find(parse(id))
                .flatMap(contact -> Contact.<Contact>findById(contact.profileId()))
                .flatMap(profile -> {
                    Map<String, String> attributes = new java.util.LinkedHashMap<>(ContactService.attributes(profile));
                    changes.forEach((key, value) -> {
                        if (value == null) attributes.remove(key);
                        else attributes.put(key, value);
                    });
                    profile.attributes = ContactService.write(attributes);
                    return profile(profile.id);
                })
                .call(() -> audit.record(
                        Actor.of(identity), "contact.attributes_changed", "contact", id, "keys=" + changes.keySet()));
    }

    @POST
    @Path("/notes")
    @WithTransaction
    public Uni<NoteView> note(@PathParam("id") String id, NoteRequest request) {
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw ProblemException.unprocessable("text is required");
        }
        String author = Actor.of(identity).username();
        return find(parse(id)).flatMap(contact -> {
            ContactNote note = new ContactNote();
            note.id = UUID.randomUUID();
            note.contactId = contact.profileId();
            note.author = author;
            note.body = request.text();
            note.createdAt = clock.instant();
            return note.persist()
                    .call(() -> audit.record(Actor.of(identity), "contact.note_added", "contact", id, null))
                    .replaceWith(new NoteView(note.id, note.author, note.body, note.createdAt));
        });
    }

    @POST
    @Path("/merge")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @WithTransaction
    public Uni<Profile> merge(@PathParam("id") String id, MergeRequest request) {
        if (request == null || request.into() == null) {
            throw ProblemException.unprocessable("into (the contact to merge into) is required");
        }
        return contacts.merge(parse(id), request.into())
                .call(() -> audit.record(Actor.of(identity), "contact.merged", "contact", id, "into=" + request.into()))
                .flatMap(profile -> profile(profile.id));
    }

    @GET
    @Path("/export")
    @RolesAllowed(Roles.ADMIN)
    @WithSession
    public Uni<Contacts.Export> export(@PathParam("id") String id) {
        Actor actor = Actor.of(identity);
        return profile(parse(id))
                .flatMap(profile -> Conversation.<Conversation>list(
                                "contactId in ?1 order by createdAt",
                                profile.identities().stream()
                                        .map(Identity::contactId)
                                        .toList())
                        .flatMap(conversations -> Message.<Message>list(
                                        "conversationId in ?1 order by sentAt",
                                        conversations.stream().map(c -> c.id).toList())
                                .map(messages -> new Contacts.Export(
                                        clock.instant(),
                                        profile,
                                        conversations.stream()
                                                .map(c -> new Contacts.ExportedConversation(
                                                        c.id,
                                                        c.inboxId,
                                                        c.channel,
                                                        c.status.name().toLowerCase(java.util.Locale.ROOT),
                                                        c.createdAt,
                                                        messages.stream()
                                                                .filter(m -> m.conversationId.equals(c.id))
                                                                .map(m -> new Contacts.ExportedMessage(
                                                                        m.direction,
                                                                        m.kind,
                                                                        m.subject,
                                                                        m.content,
                                                                        m.agent,
                                                                        m.sentAt))
                                                                .toList()))
                                                .toList()))))
                .call(() -> audit.record(actor, "contact.exported", "contact", id, null));
    }

    /** The person's channel identities and threads, for the other services' part of an erasure (admins only). */
    @GET
    @Path("/identities")
    @RolesAllowed(Roles.ADMIN)
    public Uni<List<Contacts.ErasureTarget>> identities(@PathParam("id") String id) {
        return erasure.identities(parse(id));
    }

    /** Erases the person from routing (GDPR Art. 17); agent-gateway erases ingest's part first. */
    @POST
    @Path("/erasure")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    public Uni<Contacts.Erased> erase(@PathParam("id") String id) {
        return erasure.erase(parse(id), Actor.of(identity));
    }

    private static Uni<Contact> find(UUID id) {
        return Contact.<Contact>findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("No contact " + id + "."));
    }

    private static Uni<Profile> profile(UUID id) {
        return find(id).flatMap(contact -> Contact.<Contact>findById(contact.profileId()))
                .flatMap(profile -> Contact.<Contact>list("id = ?1 or mergedInto = ?1 order by createdAt", profile.id)
                        .flatMap(identities -> ContactNote.<ContactNote>list(
                                        "contactId = ?1 order by createdAt", profile.id)
                                .flatMap(notes -> Conversation.<Conversation>list(
                                                "contactId in ?1 order by createdAt desc",
                                                identities.stream()
                                                        .map(c -> c.id)
                                                        .toList())
                                        .map(conversations -> new Profile(
                                                profile.id,
                                                profile.displayName,
                                                identities.stream()
                                                        .map(c -> new Identity(
                                                                c.id,
                                                                c.inboxId,
                                                                c.sourceId,
                                                                c.displayName,
                                                                c.email,
                                                                c.phone))
                                                        .toList(),
                                                ContactService.attributes(profile),
                                                notes.stream()
                                                        .map(n -> new NoteView(n.id, n.author, n.body, n.createdAt))
                                                        .toList(),
                                                conversations.stream()
                                                        .map(c -> new HistoryEntry(
                                                                c.id,
                                                                c.inboxId,
                                                                c.channel,
                                                                c.status.lower(),
                                                                c.createdAt,
                                                                c.lastMessageAt))
                                                        .toList())))));
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No contact " + id + ".");
        }
    }
}
