package io.parley.routing.contact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.contracts.InboundMessage;
import io.parley.problem.ProblemException;
import io.parley.routing.conversation.NewArrivals;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Finds or creates the contact behind an inbound message and merges people across channels. In-transaction. */
@ApplicationScoped
public class ContactService {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param arrivals senders known to have no contact yet, who need not be looked up */
    public Uni<Contact> forMessage(InboundMessage inbound, NewArrivals arrivals, Instant now) {
        InboundMessage.Contact source = inbound.contact();
        Uni<Contact> found = arrivals.isNewSender(inbound.inboxId(), source.sourceId())
                ? Uni.createFrom().nullItem()
                : Contact.findBySource(inbound.inboxId(), source.sourceId());
        return found.flatMap(existing -> {
            if (existing != null) {
                if (source.displayName() != null && !source.displayName().equals(existing.displayName)) {
                    existing.displayName = source.displayName();
                }
                return Uni.createFrom().item(existing);
            }
            Contact contact = new Contact();
            contact.id = UUID.randomUUID();
            contact.inboxId = inbound.inboxId();
            contact.sourceId = source.sourceId();
            contact.displayName = source.displayName();
            contact.email = VerifiedIdentity.email(inbound.channel(), source.sourceId(), source.verified());
            contact.phone = VerifiedIdentity.phone(inbound.channel(), source.sourceId());
            contact.createdAt = now;
            return samePerson(contact).flatMap(profile -> {
                if (profile != null) {
                    contact.mergedInto = profile.id;
                }
                return contact.<Contact>persist();
            });
        });
    }

    /** Merges {@code source} (and whatever was merged into it) into {@code target}'s profile. */
    public Uni<Contact> merge(UUID sourceId, UUID targetId) {
        return Contact.<Contact>findById(targetId)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("No contact " + targetId + "."))
                .flatMap(target -> Contact.<Contact>findById(sourceId)
                        .onItem()
                        .ifNull()
                        .failWith(() -> ProblemException.notFound("No contact " + sourceId + "."))
                        .flatMap(source -> {
                            UUID profile = target.profileId();
                            UUID old = source.profileId();
                            if (profile.equals(old)) {
                                return Contact.<Contact>findById(profile);
                            }
                            return Contact.update("mergedInto = ?1 where mergedInto = ?2", profile, old)
                                    .flatMap(n -> Contact.update("mergedInto = ?1 where id = ?2", profile, old))
                                    .flatMap(n ->
                                            ContactNote.update("contactId = ?1 where contactId = ?2", profile, old))
                                    .flatMap(n -> Contact.<Contact>findById(profile));
                        }));
    }

    public static Map<String, String> attributes(Contact contact) {
        if (contact.attributes == null || contact.attributes.equals("{}")) {
            // Most contacts have none, and rules ask for them on every customer message.
            return Map.of();
        }
        try {
            return JSON.readValue(contact.attributes, new TypeReference<LinkedHashMap<String, String>>() {});
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    public static String write(Map<String, String> attributes) {
        try {
            return JSON.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Uni<Contact> samePerson(Contact contact) {
        if (contact.email != null) {
            return Contact.<Contact>find("email = ?1 and mergedInto is null order by createdAt", contact.email)
                    .firstResult()
                    .flatMap(found -> found != null || contact.phone == null
                            ? Uni.createFrom().item(found)
                            : byPhone(contact));
        }
        return contact.phone == null ? Uni.createFrom().nullItem() : byPhone(contact);
    }

    private static Uni<Contact> byPhone(Contact contact) {
        return Contact.<Contact>find("phone = ?1 and mergedInto is null order by createdAt", contact.phone)
                .firstResult();
    }
}
