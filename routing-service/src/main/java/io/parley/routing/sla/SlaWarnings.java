package io.parley.routing.sla;

import io.parley.contracts.ConversationEvents;
import io.parley.contracts.EventTypes;
import io.parley.routing.conversation.Conversation;
import io.parley.routing.outbox.Outbox;
import io.parley.routing.outbox.OutboxRelay;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Tells the conversation's assignee and team that a target is close (sla.warning, once per timer), while there is still
 * time to answer. Like breaches, warnings are found in the timers' rows, SKIP LOCKED among several instances.
 */
@ApplicationScoped
public class SlaWarnings {
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Clock clock;

    public SlaWarnings(Outbox outbox, OutboxRelay relay, Clock clock) {
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
    }

    /** @return how many timers were warned about */
    public Uni<Integer> warnNow() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> SlaTimer.lockRunning(
                                // warned_at is null and the state literal: the partial index sla_timer_warn serves it.
                                "warnedAt is null and warnAt <= :now and dueAt > :now", "warnAt", now)
                        .flatMap(timers -> warn(timers, 0, now).replaceWith(timers.size())))
                .call(count -> count == 0
                        ? Uni.createFrom().voidItem()
                        : relay.publishPending().onFailure().recoverWithItem(0).replaceWithVoid());
    }

    private Uni<Void> warn(List<SlaTimer> timers, int i, Instant now) {
        if (i >= timers.size()) {
            return Uni.createFrom().voidItem();
        }
        SlaTimer timer = timers.get(i);
        timer.warnedAt = now;
        return Conversation.<Conversation>findById(timer.conversationId)
                .flatMap(conversation -> conversation == null
                        ? Uni.createFrom().voidItem()
                        : outbox.conversationEvent(
                                EventTypes.SLA_WARNING,
                                conversation.id,
                                now,
                                new ConversationEvents.SlaWarning(
                                        conversation.id,
                                        conversation.inboxId,
                                        conversation.channel,
                                        conversation.team,
                                        conversation.assignee,
                                        timer.metric.lower(),
                                        timer.policyId,
                                        timer.dueAt,
                                        now)))
                .flatMap(v -> warn(timers, i + 1, now));
    }
}
