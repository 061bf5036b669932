package io.parley.routing.sla;

import io.parley.contracts.ConversationEvents;
import io.parley.contracts.EventTypes;
import io.parley.routing.conversation.Conversation;
import io.parley.routing.conversation.ConversationActions;
import io.parley.routing.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * What a breached timer sets off: the priority goes up a step, the conversation moves to the policy's escalation team
 * if it names one, and sla.breached tells supervisors. The unanswered alert only tells.
 */
@ApplicationScoped
public class SlaEscalation {
    static final String ACTOR = "sla";

    private final ConversationActions actions;
    private final Outbox outbox;

    public SlaEscalation(ConversationActions actions, Outbox outbox) {
        this.actions = actions;
        this.outbox = outbox;
    }

    public Uni<Void> breached(SlaTimer timer, Conversation conversation, Instant now) {
        if (timer.metric == SlaMetric.UNANSWERED) {
            return outbox.conversationEvent(
                    EventTypes.CONVERSATION_UNANSWERED,
                    conversation.id,
                    now,
                    new ConversationEvents.Unanswered(
                            conversation.id,
                            conversation.inboxId,
                            conversation.team,
                            conversation.assignee,
                            (int) (timer.targetSeconds / 60),
                            now));
        }
        String breachedTeam = conversation.team;
        String breachedAssignee = conversation.assignee;
        return SlaPolicy.<SlaPolicy>findById(timer.policyId)
                .flatMap(policy -> actions.setPriority(conversation, conversation.priority.raised(), ACTOR, now)
                        .flatMap(v -> policy != null && policy.escalationTeam != null
                                ? actions.transfer(conversation, policy.escalationTeam, ACTOR, now)
                                        .onFailure()
                                        .recoverWithNull()
                                : Uni.createFrom().voidItem())
                        .flatMap(v -> outbox.conversationEvent(
                                EventTypes.SLA_BREACHED,
                                conversation.id,
                                now,
                                new ConversationEvents.SlaBreached(
                                        conversation.id,
                                        conversation.inboxId,
                                        conversation.channel,
                                        breachedTeam,
                                        breachedAssignee,
                                        timer.metric.lower(),
                                        timer.policyId,
                                        timer.dueAt,
                                        now,
                                        conversation.priority.lower(),
                                        breachedTeam.equals(conversation.team) ? null : conversation.team,
                                        "supervisors",
                                        timer.startedAt))));
    }
}
