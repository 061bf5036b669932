package io.parley.routing.conversation;

import io.parley.contracts.ConversationEvents;
import io.parley.contracts.EventTypes;
import io.parley.problem.ProblemException;
import io.parley.routing.assignment.AssignmentService;
import io.parley.routing.assignment.Team;
import io.parley.routing.csat.CsatService;
import io.parley.routing.outbox.Outbox;
import io.parley.routing.sla.SlaTimers;
import io.parley.routing.tagging.ConversationTag;
import io.parley.routing.tagging.Tag;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Every change to a conversation that agents, rules and SLA escalation make, with its event and its effect on timers,
 * the queue and surveys. Runs inside the caller's transaction; the caller serves queues after the commit.
 *
 * @see io.parley.routing.assignment.TeamQueue
 */
@ApplicationScoped
public class ConversationActions {
    private final Outbox outbox;
    private final AssignmentService assignment;
    private final SlaTimers timers;
    private final CsatService surveys;
    private final AutomatedMessages automated;
    private final MessageLog messages;

    public ConversationActions(
            Outbox outbox,
            AssignmentService assignment,
            SlaTimers timers,
            CsatService surveys,
            AutomatedMessages automated,
            MessageLog messages) {
        this.outbox = outbox;
        this.assignment = assignment;
        this.timers = timers;
        this.surveys = surveys;
        this.automated = automated;
        this.messages = messages;
    }

    /** @return whether the tag was new on the conversation */
    public Uni<Boolean> addTag(Conversation conversation, String tag, String actor, Instant now) {
        return Tag.findById(tag)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.unprocessable("No tag " + tag + "; create it under /tags first."))
                .flatMap(found -> ConversationTag.findById(new ConversationTag.Key(conversation.id, tag)))
                .flatMap(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().item(false);
                    }
                    ConversationTag added = new ConversationTag();
                    added.conversationId = conversation.id;
                    added.tag = tag;
                    added.taggedAt = now;
                    return added.persist()
                            .call(() -> tagEvent(EventTypes.CONVERSATION_TAGGED, conversation, tag, actor, now))
                            .replaceWith(true);
                });
    }

    public Uni<Boolean> removeTag(Conversation conversation, String tag, String actor, Instant now) {
        return ConversationTag.delete("conversationId = ?1 and tag = ?2", conversation.id, tag)
                .flatMap(removed -> removed == 0
                        ? Uni.createFrom().item(false)
                        : tagEvent(EventTypes.CONVERSATION_UNTAGGED, conversation, tag, actor, now)
                                .replaceWith(true));
    }

    /** conversation.tagged or conversation.untagged, with who may see it (the conversation's team and agent). */
    private Uni<Void> tagEvent(String type, Conversation conversation, String tag, String actor, Instant now) {
        return outbox.conversationEvent(
                type,
                conversation.id,
                now,
                new ConversationEvents.Tagged(
                        conversation.id,
                        conversation.inboxId,
                        tag,
                        actor,
                        now,
                        conversation.team,
                        conversation.assignee));
    }

    public Uni<Void> setPriority(Conversation conversation, Priority priority, String actor, Instant now) {
        if (conversation.priority == priority) {
            return Uni.createFrom().voidItem();
        }
        Priority from = conversation.priority;
        conversation.priority = priority;
        conversation.updatedAt = now;
        return outbox.conversationEvent(
                EventTypes.CONVERSATION_PRIORITY_CHANGED,
                conversation.id,
                now,
                new ConversationEvents.PriorityChanged(
                        conversation.id,
                        conversation.inboxId,
                        from.lower(),
                        priority.lower(),
                        actor,
                        now,
                        conversation.team,
                        conversation.assignee));
    }

    /** Never lowers: a rule that says "at least high" leaves an urgent conversation urgent. */
    public Uni<Void> raisePriority(Conversation conversation, Priority atLeast, String actor, Instant now) {
        return setPriority(conversation, conversation.priority.atLeast(atLeast), actor, now);
    }

    public Uni<Void> setStatus(
            Conversation conversation, ConversationStatus to, Instant snoozedUntil, String actor, Instant now) {
        ConversationStatus from = conversation.status;
        if (to == ConversationStatus.SNOOZED && (snoozedUntil == null || !snoozedUntil.isAfter(now))) {
            throw ProblemException.unprocessable("snoozing needs a snoozedUntil in the future");
        }
        if (from == to && (to != ConversationStatus.SNOOZED || snoozedUntil.equals(conversation.snoozedUntil))) {
            return Uni.createFrom().voidItem();
        }
        conversation.status = to;
        conversation.updatedAt = now;
        conversation.snoozedUntil = to == ConversationStatus.SNOOZED ? snoozedUntil : null;
        Uni<Void> effect;
        switch (to) {
            case RESOLVED -> {
                conversation.resolvedAt = now;
                conversation.waitingSince = null;
                conversation.awaitingReplySince = null;
                effect = timers.resolved(conversation, now)
                        .flatMap(v -> timers.businessTime(conversation.team, conversation.createdAt, now))
                        .flatMap(business -> outbox.conversationEvent(
                                EventTypes.CONVERSATION_RESOLVED,
                                conversation.id,
                                now,
                                new ConversationEvents.Resolved(
                                        conversation.id,
                                        conversation.inboxId,
                                        conversation.channel,
                                        conversation.team,
                                        conversation.assignee,
                                        conversation.createdAt,
                                        now,
                                        Duration.between(conversation.createdAt, now)
                                                .toSeconds(),
                                        actor,
                                        business.toSeconds())))
                        .call(() -> conversation.spam
                                ? Uni.createFrom().voidItem()
                                : surveys.requestOnResolve(conversation, now));
            }
            case PENDING, SNOOZED -> {
                conversation.waitingSince = null;
                effect = from == ConversationStatus.OPEN
                        ? timers.paused(conversation, now)
                        : Uni.createFrom().voidItem();
            }
            case OPEN -> {
                if (from == ConversationStatus.RESOLVED) {
                    conversation.resolvedAt = null;
                    effect = timers.reopened(conversation, now)
                            .call(() -> outbox.conversationEvent(
                                    EventTypes.CONVERSATION_REOPENED,
                                    conversation.id,
                                    now,
                                    new ConversationEvents.Reopened(
                                            conversation.id, conversation.inboxId, conversation.team, now)));
                } else {
                    effect = timers.resumed(conversation, now);
                }
                effect = effect.call(() -> assignment.enqueue(conversation, now));
            }
            default -> throw new IllegalStateException("unhandled status " + to);
        }
        return effect.call(() -> outbox.conversationEvent(
                EventTypes.CONVERSATION_STATUS_CHANGED,
                conversation.id,
                now,
                new ConversationEvents.StatusChanged(
                        conversation.id,
                        conversation.inboxId,
                        from.lower(),
                        to.lower(),
                        conversation.snoozedUntil,
                        actor,
                        now,
                        conversation.team,
                        conversation.assignee)));
    }

    /** Moves the conversation to another team's queue; its agent, if any, lets go of it. */
    public Uni<Void> transfer(Conversation conversation, String team, String actor, Instant now) {
        if (team.equals(conversation.team)) {
            return Uni.createFrom().voidItem();
        }
        return Team.findById(team)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.unprocessable("No team " + team + "."))
                .flatMap(found -> assignment.unassign(conversation, "transfer", actor, now))
                .flatMap(v -> outbox.conversationEvent(
                        EventTypes.CONVERSATION_TRANSFERRED,
                        conversation.id,
                        now,
                        new ConversationEvents.Transferred(
                                conversation.id, conversation.inboxId, conversation.team, team, actor, now)))
                .flatMap(v -> {
                    conversation.team = team;
                    conversation.waitingSince = null;
                    conversation.updatedAt = now;
                    return assignment.enqueue(conversation, now);
                });
    }

    public Uni<Void> assign(Conversation conversation, String agent, String actor, Instant now) {
        return assignment.assignTo(conversation, agent, actor, now);
    }

    /** Back to the team queue. */
    public Uni<Void> unassign(Conversation conversation, String reason, String actor, Instant now) {
        return assignment.unassign(conversation, reason, actor, now).call(() -> assignment.enqueue(conversation, now));
    }

    /** Spam is tagged, closed without a survey, and never counts against anyone's capacity again. */
    public Uni<Void> markSpam(Conversation conversation, String actor, Instant now) {
        conversation.spam = true;
        return addTag(conversation, "spam", actor, now)
                .onFailure(ProblemException.class)
                .recoverWithItem(false)
                .flatMap(v -> setStatus(conversation, ConversationStatus.RESOLVED, null, actor, now));
    }

    /**
     * Someone of the brand answered (an agent through Parley, or the brand in the channel's own app when {@code agent}
     * is null): response timers are met, and the very first answer is reported with its response time.
     */
    public Uni<Void> agentReplied(Conversation conversation, String agent, Instant now) {
        boolean first = conversation.firstReplyAt == null;
        Instant waitingSince = conversation.awaitingReplySince;
        conversation.awaitingReplySince = null;
        Uni<Void> stop = timers.agentReplied(conversation, now)
                .flatMap(v -> waitingSince == null
                        ? Uni.createFrom().item(Duration.ZERO)
                        : timers.businessTime(conversation.team, waitingSince, now))
                .flatMap(business -> outbox.conversationEvent(
                        EventTypes.CONVERSATION_AGENT_REPLIED,
                        conversation.id,
                        now,
                        new ConversationEvents.AgentReplied(
                                conversation.id,
                                conversation.inboxId,
                                conversation.channel,
                                conversation.team,
                                agent,
                                waitingSince,
                                now,
                                waitingSince == null
                                        ? 0
                                        : Duration.between(waitingSince, now).toSeconds(),
                                business.toSeconds(),
                                first)));
        if (!first) {
            return stop;
        }
        conversation.firstReplyAt = now;
        return stop.flatMap(v -> timers.businessTime(conversation.team, conversation.createdAt, now))
                .flatMap(business -> outbox.conversationEvent(
                        EventTypes.CONVERSATION_FIRST_REPLY,
                        conversation.id,
                        now,
                        new ConversationEvents.FirstReply(
                                conversation.id,
                                conversation.inboxId,
                                conversation.channel,
                                conversation.team,
                                agent,
                                conversation.createdAt,
                                now,
                                Duration.between(conversation.createdAt, now).toSeconds(),
                                business.toSeconds())));
    }

    /** A private note for colleagues; never sent to the customer. */
    public Uni<Void> note(Conversation conversation, String author, String text, Instant now) {
        Message note = new Message();
        note.id = UUID.randomUUID();
        note.conversationId = conversation.id;
        note.inboxId = conversation.inboxId;
        note.direction = Message.NOTE;
        note.kind = "text";
        note.content = text;
        note.agent = author;
        note.sentAt = now;
        note.createdAt = now;
        return messages.append(conversation, note, now);
    }

    /** An agent's reply; it becomes an outgoing message (and meets the response SLAs) once ingest delivered it. */
    public Uni<UUID> reply(Conversation conversation, String agent, String text, Instant now) {
        return automated.send(conversation, text, agent, now);
    }
}
