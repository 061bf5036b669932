package io.parley.contracts.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** routing-service's contacts API ({@code /contacts/{id}}), as routing answers and the gateway calls it. */
public final class Contacts {
    private Contacts() {}

    /** One channel identity of the person: who they are on one inbox. */
    public record Identity(
            UUID contactId, String inboxId, String sourceId, String displayName, String email, String phone) {}

    public record NoteView(UUID id, String author, String text, Instant createdAt) {}

    /** One of the person's conversations, on any channel. */
    public record HistoryEntry(
            UUID conversationId,
            String inboxId,
            String channel,
            String status,
            Instant createdAt,
            Instant lastMessageAt) {}

    /** The person across channels: identities, attributes (company, plan…), notes, conversations. */
    public record Profile(
            UUID id,
            String displayName,
            List<Identity> identities,
            Map<String, String> attributes,
            List<NoteView> notes,
            List<HistoryEntry> conversations) {}

    /** The note's author is the caller, from the token. */
    public record NoteRequest(@NotBlank @Size(max = 4000) String text) {}

    /** Merges this person into another (supervisors, admins). */
    public record MergeRequest(@NotNull UUID into) {}

    /** A message of an exported conversation. */
    public record ExportedMessage(
            String direction, String kind, String subject, String content, String agent, Instant sentAt) {}

    public record ExportedConversation(
            UUID id,
            String inboxId,
            String channel,
            String status,
            Instant createdAt,
            List<ExportedMessage> messages) {}

    /** Everything routing holds about the person (GDPR Art. 15). */
    public record Export(Instant exportedAt, Profile profile, List<ExportedConversation> conversations) {}

    /**
     * Where one of the person's identities lives in other services, for their erasure: the channel id on an inbox and
     * the thread keys of its conversations.
     */
    public record ErasureTarget(UUID contactId, String inboxId, String sourceId, List<String> threadKeys) {}

    /** What routing erased (GDPR Art. 17). */
    public record Erased(UUID contactId, int contacts, int conversations, int messages) {}
}
