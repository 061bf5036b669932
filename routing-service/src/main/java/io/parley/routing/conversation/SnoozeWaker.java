package io.parley.routing.conversation;

import io.parley.routing.assignment.TeamQueue;
import io.parley.routing.outbox.OutboxRelay;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.hibernate.LockMode;
import org.jboss.logging.Logger;

/** Reopens snoozed conversations whose time has come; rows are claimed with SKIP LOCKED across instances. */
@ApplicationScoped
public class SnoozeWaker {
    private static final Logger LOG = Logger.getLogger(SnoozeWaker.class);

    private final ConversationActions actions;
    private final OutboxRelay relay;
    private final TeamQueue queue;
    private final Clock clock;

    public SnoozeWaker(ConversationActions actions, OutboxRelay relay, TeamQueue queue, Clock clock) {
        this.actions = actions;
        this.relay = relay;
        this.queue = queue;
        this.clock = clock;
    }

    @Scheduled(
            every = "${parley.snooze.check-interval}",
            delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> wake() {
        return wakeDue()
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf("snooze check failed, the next one retries: %s", failure.getMessage());
                    return 0;
                })
                .replaceWithVoid();
    }

    public Uni<Integer> wakeDue() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Panache.getSession()
                        .flatMap(session -> session.createSelectionQuery(
                                        // A literal status, for the partial index of snoozed conversations (why:
                                        // assignment.WaitingInQueue).
                                        "from Conversation where status = "
                                                + "io.parley.routing.conversation.ConversationStatus.SNOOZED"
                                                + " and snoozedUntil <= :now",
                                        Conversation.class)
                                .setParameter("now", now)
                                .setMaxResults(100)
                                .setLockMode(LockMode.UPGRADE_SKIPLOCKED)
                                .getResultList())
                        .flatMap(due -> open(due, 0, now).replaceWith(due.size())))
                .call(count -> count == 0
                        ? Uni.createFrom().voidItem()
                        : relay.publishPending().call(queue::drainAll).replaceWithVoid());
    }

    private Uni<Void> open(List<Conversation> due, int i, Instant now) {
        if (i >= due.size()) {
            return Uni.createFrom().voidItem();
        }
        return actions.setStatus(due.get(i), ConversationStatus.OPEN, null, "snooze", now)
                .flatMap(v -> open(due, i + 1, now));
    }
}
