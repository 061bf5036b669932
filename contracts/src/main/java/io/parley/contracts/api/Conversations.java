package io.parley.contracts.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** routing-service's conversations API ({@code /conversations}), as routing answers and the gateway calls it. */
public final class Conversations {
    /** The longest note or reply, in characters. */
    public static final int MAX_TEXT = 4096;

    private Conversations() {}

    /** A conversation; {@code messages} and {@code history} are filled only for the detail, left out in lists. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Conversation(
            UUID id,
            String inboxId,
            String channel,
            String threadKey,
            String team,
            String status,
            String priority,
            String assignee,
            List<String> tags,
            String language,
            String sentiment,
            boolean publicPost,
            Contact contact,
            Instant createdAt,
            Instant lastMessageAt,
            Instant firstReplyAt,
            Instant waitingSince,
            Instant snoozedUntil,
            Instant resolvedAt,
            List<Message> messages,
            List<History> history) {}

    /** @param profileId the person across channels: GET /contacts/{profileId} */
    public record Contact(UUID id, UUID profileId, String sourceId, String displayName) {}

    /** The person's other conversations, on any channel. */
    public record History(UUID id, String inboxId, String channel, String status, Instant createdAt) {}

    /**
     * @param direction incoming (the customer), outgoing (an agent or the brand) or note (private)
     * @param publicPost written in public (an X mention, a comment under a post, a group message)
     * @param deliveryStatus of an outgoing message: sending, delivered or failed (with deliveryError)
     */
    public record Message(
            UUID id,
            String providerMessageId,
            String direction,
            String kind,
            String subject,
            String text,
            boolean publicPost,
            String agent,
            String language,
            String sentiment,
            String deliveryStatus,
            String deliveryError,
            Instant sentAt) {}

    /**
     * One SLA clock of the conversation.
     *
     * @param state running, paused, met, breached or stopped
     */
    public record SlaTimer(
            String metric,
            String policyId,
            String state,
            long targetSeconds,
            long consumedSeconds,
            Instant dueAt,
            Instant endedAt) {}

    public record Count(long count) {}

    /** Whose a conversation is: what the gateway's team-scope check needs, without the messages. */
    public record Scope(UUID id, String team, String assignee) {}

    /** @param agent a username; the gateway also takes "me" */
    public record AssignRequest(@Size(max = 255) String agent) {}

    public record TransferRequest(
            @NotBlank @Pattern(regexp = Teams.ID) String team) {}

    public record TagRequest(
            @NotBlank @Pattern(regexp = Tags.NAME) String tag) {}

    public record PriorityRequest(
            @NotBlank @Pattern(regexp = "low|medium|high|urgent")
            String priority) {}

    /** @param snoozedUntil required with snoozed, in the future */
    public record StatusRequest(
            @NotBlank @Pattern(regexp = "open|pending|snoozed|resolved")
            String status,

            Instant snoozedUntil) {}

    /** A private note (or, to routing, a reply's text). */
    public record TextRequest(
            @NotBlank @Size(max = MAX_TEXT) String text) {}
}
