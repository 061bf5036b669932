package io.parley.contracts;

import java.time.Instant;
import java.util.UUID;

/** Payloads of the conversation events routing-service publishes on {@link Topics#CONVERSATION_EVENTS}. */
public final class ConversationEvents {
    private ConversationEvents() {}

    /** @param priority low, medium, high or urgent: what it starts with, before any rule raises it */
    public record Created(
            UUID conversationId,
            String inboxId,
            String channel,
            String team,
            UUID contactId,
            Instant createdAt,
            String priority) {}

    /**
     * @param direction incoming, outgoing or note
     * @param agent who wrote an outgoing message or note: an agent's username, {@code parley-automation} for what
     *     Parley sent by itself, null for the customer (and for the brand answering in the channel's own app)
     * @param team the conversation's team when the message was stored (null before routing chose one)
     * @param assignee the conversation's agent then, if any: with team, who may see the message
     */
    public record MessageCreated(
            UUID conversationId,
            UUID messageId,
            String inboxId,
            String channel,
            String direction,
            String text,
            Instant sentAt,
            String agent,
            String team,
            String assignee) {}

    /**
     * Someone of the brand answered: an agent through Parley, or the brand in the channel's own app ({@code agent}
     * null). Automations never count. {@code waitingSince} is the oldest customer message this reply answers, null when
     * the customer was not waiting (a second reply in a row); seconds and businessSeconds are the wait it ended,
     * businessSeconds by the team's SLA calendar. {@code first} marks the conversation's first response.
     */
    public record AgentReplied(
            UUID conversationId,
            String inboxId,
            String channel,
            String team,
            String agent,
            Instant waitingSince,
            Instant repliedAt,
            long seconds,
            long businessSeconds,
            boolean first) {}

    /** @param actor who assigned it: an agent's username, {@code policy} (the team's assignment policy) or rule:&lt;id&gt; */
    public record Assigned(
            UUID conversationId, String inboxId, String team, String assignee, String actor, Instant assignedAt) {}

    /**
     * @param reason transfer, manual, reassigned, escalation, offline...
     * @param actor who took it off its agent: an agent's username, {@code sla}, rule:&lt;id&gt;
     */
    public record Unassigned(
            UUID conversationId,
            String inboxId,
            String team,
            String previousAssignee,
            String reason,
            String actor,
            Instant at) {}

    /** Moved to another team's queue. @param actor an agent's username, {@code sla} or rule:&lt;id&gt; */
    public record Transferred(
            UUID conversationId, String inboxId, String fromTeam, String toTeam, String actor, Instant at) {}

    /** Waits in its team's queue because nobody eligible is free. */
    public record Queued(UUID conversationId, String inboxId, String team, String priority, Instant at) {}

    /**
     * @param actor an agent's username, or rule:&lt;rule id&gt; when an automation rule did it
     * @param team the conversation's team and {@code assignee} its agent: who may see the change
     */
    public record Tagged(
            UUID conversationId, String inboxId, String tag, String actor, Instant at, String team, String assignee) {}

    /** @param team the conversation's team and {@code assignee} its agent: who may see the change */
    public record PriorityChanged(
            UUID conversationId,
            String inboxId,
            String from,
            String to,
            String actor,
            Instant at,
            String team,
            String assignee) {}

    /** @param team the conversation's team and {@code assignee} its agent: who may see the change */
    public record StatusChanged(
            UUID conversationId,
            String inboxId,
            String from,
            String to,
            Instant snoozedUntil,
            String actor,
            Instant at,
            String team,
            String assignee) {}

    /** The first reply of an agent (not of an automation): response time in wall-clock and business seconds. */
    public record FirstReply(
            UUID conversationId,
            String inboxId,
            String channel,
            String team,
            String agent,
            Instant createdAt,
            Instant repliedAt,
            long seconds,
            long businessSeconds) {}

    public record Resolved(
            UUID conversationId,
            String inboxId,
            String channel,
            String team,
            String assignee,
            Instant createdAt,
            Instant resolvedAt,
            long seconds,
            String actor,
            long businessSeconds) {}

    public record Reopened(UUID conversationId, String inboxId, String team, Instant at) {}

    /** Nobody answered the customer for {@code minutes}: an alert for supervisors, not an SLA breach. */
    public record Unanswered(
            UUID conversationId, String inboxId, String team, String assignee, int minutes, Instant at) {}

    /**
     * @param metric first_response, next_response or resolution
     * @param escalatedTo the team the conversation was moved to, if the policy names one
     * @param notifyRole who should be told: supervisors
     */
    public record SlaBreached(
            UUID conversationId,
            String inboxId,
            String channel,
            String team,
            String assignee,
            String metric,
            String policyId,
            Instant dueAt,
            Instant breachedAt,
            String priority,
            String escalatedTo,
            String notifyRole,
            Instant startedAt) {}

    /**
     * An SLA target is close: only {@code parley.sla.warn-when-left} of it is left (once per timer), so the assignee or
     * the team can still answer in time. @param metric first_response, next_response or resolution
     */
    public record SlaWarning(
            UUID conversationId,
            String inboxId,
            String channel,
            String team,
            String assignee,
            String metric,
            String policyId,
            Instant dueAt,
            Instant warnedAt) {}

    /**
     * An SLA target reached in time. @param metric first_response, next_response or resolution
     * @param startedAt when its clock started
     */
    public record SlaMet(
            UUID conversationId,
            String inboxId,
            String channel,
            String team,
            String assignee,
            String metric,
            String policyId,
            Instant startedAt,
            Instant metAt,
            long targetSeconds) {}

    /** An agent went online, away or offline; {@code teams} are the teams they belong to at that moment. */
    public record AgentAvailabilityChanged(
            String agent, String availability, java.util.List<String> teams, Instant at) {}

    /** @param kind csat (1–5) or nps (0–10) */
    public record CsatRequested(UUID conversationId, String inboxId, UUID surveyId, String kind, Instant at) {}

    public record CsatResponded(
            UUID conversationId,
            String inboxId,
            String channel,
            String team,
            String assignee,
            UUID surveyId,
            String kind,
            int rating,
            String comment,
            Instant at) {}
}
