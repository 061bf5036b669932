package io.parley.routing.conversation;

import io.parley.audit.AuditTrail;
import io.parley.problem.ProblemException;
import io.parley.routing.assignment.Agent;
import io.parley.routing.assignment.TeamQueue;
import io.parley.routing.outbox.OutboxRelay;
import io.parley.routing.rules.AutomationRule;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Agents' actions on one conversation through the API. Each runs in its own transaction with the conversation row
 * locked (so it cannot race the consumer or another agent) and records its actor in the audit log in the same
 * transaction, then publishes its events and serves the team queues, since a resolve, a transfer or an unassignment
 * can free an agent.
 */
@ApplicationScoped
public class ConversationCommands {
    private final ConversationActions actions;
    private final ConversationRules rules;
    private final OutboxRelay relay;
    private final TeamQueue queue;
    private final Clock clock;

    public ConversationCommands(
            ConversationActions actions, ConversationRules rules, OutboxRelay relay, TeamQueue queue, Clock clock) {
        this.actions = actions;
        this.rules = rules;
        this.relay = relay;
        this.queue = queue;
        this.clock = clock;
    }

    public Uni<Void> assign(UUID id, String agent, String actor) {
        return change(
                id,
                new Audited(actor, "conversation.assigned", "agent=" + agent),
                (conversation, now) -> Agent.findById(agent)
                        .onItem()
                        .ifNull()
                        .failWith(() -> ProblemException.unprocessable("No agent " + agent + " in any team."))
                        .flatMap(found -> actions.assign(conversation, agent, actor, now)));
    }

    public Uni<Void> unassign(UUID id, String actor) {
        return change(
                id,
                new Audited(actor, "conversation.unassigned", null),
                (conversation, now) -> actions.unassign(conversation, "manual", actor, now));
    }

    public Uni<Void> transfer(UUID id, String team, String actor) {
        return change(
                id,
                new Audited(actor, "conversation.transferred", "team=" + team),
                (conversation, now) -> actions.transfer(conversation, team, actor, now));
    }

    /** A tag added by hand runs the tag_added rules, so "technical-issue → support" holds however the tag came. */
    public Uni<Void> addTag(UUID id, String tag, String actor) {
        return change(
                id,
                new Audited(actor, "conversation.tagged", "tag=" + tag),
                (conversation, now) -> actions.addTag(conversation, tag, actor, now)
                        .flatMap(added -> added
                                ? rules.run(conversation, null, tag, Set.of(AutomationRule.TAG_ADDED), now)
                                : Uni.createFrom().voidItem()));
    }

    public Uni<Void> removeTag(UUID id, String tag, String actor) {
        return change(
                id,
                new Audited(actor, "conversation.untagged", "tag=" + tag),
                (conversation, now) ->
                        actions.removeTag(conversation, tag, actor, now).replaceWithVoid());
    }

    public Uni<Void> priority(UUID id, String priority, String actor) {
        Priority parsed;
        try {
            parsed = Priority.parse(priority == null ? "" : priority);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable(e.getMessage());
        }
        return change(
                id,
                new Audited(
                        actor,
                        "conversation.priority_changed",
                        "priority=" + parsed.name().toLowerCase(java.util.Locale.ROOT)),
                (conversation, now) -> actions.setPriority(conversation, parsed, actor, now));
    }

    public Uni<Void> status(UUID id, String status, Instant snoozedUntil, String actor) {
        ConversationStatus parsed;
        try {
            parsed = ConversationStatus.parse(status == null ? "" : status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable(e.getMessage());
        }
        return change(
                id,
                new Audited(
                        actor, "conversation.status_changed", "status=" + status.toLowerCase(java.util.Locale.ROOT)),
                (conversation, now) -> actions.setStatus(conversation, parsed, snoozedUntil, actor, now));
    }

    public Uni<Void> note(UUID id, String author, String text) {
        return change(
                id,
                new Audited(author, "conversation.note_added", null),
                (conversation, now) -> actions.note(conversation, author, text, now));
    }

    public Uni<UUID> reply(UUID id, String agent, String text) {
        UUID[] replyId = new UUID[1];
        return change(
                        id,
                        new Audited(agent, "conversation.reply_queued", null),
                        (conversation, now) -> actions.reply(conversation, agent, text, now)
                                .invoke(sent -> replyId[0] = sent)
                                .replaceWithVoid())
                .map(v -> replyId[0]);
    }

    /** What the audit log records of a change: who, what, and a detail without message text. */
    record Audited(String actor, String action, String detail) {}

    private Uni<Void> change(UUID id, Audited audited, BiFunction<Conversation, Instant, Uni<Void>> action) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Conversation.<Conversation>findById(id, LockModeType.PESSIMISTIC_WRITE)
                        .onItem()
                        .ifNull()
                        .failWith(() -> ProblemException.notFound("No conversation " + id + "."))
                        .flatMap(conversation -> action.apply(conversation, now))
                        .call(() -> AuditTrail.record(
                                audited.actor(),
                                audited.action(),
                                "conversation",
                                id.toString(),
                                audited.detail(),
                                now)))
                .call(() -> relay.publishPending().onFailure().recoverWithItem(0))
                .call(() -> queue.drainAll().onFailure().recoverWithItem(0));
    }
}
