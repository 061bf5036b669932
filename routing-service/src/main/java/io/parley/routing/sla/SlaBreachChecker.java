package io.parley.routing.sla;

import io.parley.routing.assignment.TeamQueue;
import io.parley.routing.conversation.Conversation;
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

/**
 * Finds running timers past their due time and escalates them, then those close to it ({@link SlaWarnings}). Timers are rows, so a breach that fell due while no
 * instance ran is found on the next start; SKIP LOCKED lets several instances check without doing one twice.
 */
@ApplicationScoped
public class SlaBreachChecker {
    private static final Logger LOG = Logger.getLogger(SlaBreachChecker.class);

    private final SlaEscalation escalation;
    private final SlaWarnings warnings;
    private final OutboxRelay relay;
    private final TeamQueue queue;
    private final Clock clock;

    public SlaBreachChecker(
            SlaEscalation escalation, SlaWarnings warnings, OutboxRelay relay, TeamQueue queue, Clock clock) {
        this.escalation = escalation;
        this.warnings = warnings;
        this.relay = relay;
        this.queue = queue;
        this.clock = clock;
    }

    @Scheduled(
            every = "${parley.sla.check-interval}",
            delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> check() {
        return checkNow()
                .call(warnings::warnNow)
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf("SLA check failed, the next one retries: %s", failure.getMessage());
                    return 0;
                })
                .replaceWithVoid();
    }

    /** @return how many timers breached */
    public Uni<Integer> checkNow() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> SlaTimer.lockRunning("dueAt <= :now", "dueAt", now)
                        .flatMap(timers -> breach(timers, 0, now).replaceWith(timers.size())))
                .call(count -> count == 0
                        ? Uni.createFrom().voidItem()
                        : relay.publishPending()
                                .onFailure()
                                .recoverWithItem(0)
                                .call(queue::drainAll)
                                .replaceWithVoid());
    }

    private Uni<Void> breach(List<SlaTimer> timers, int i, Instant now) {
        if (i >= timers.size()) {
            return Uni.createFrom().voidItem();
        }
        SlaTimer timer = timers.get(i);
        // An agent changing the conversation right now holds its row and may be about to stop this very timer: leave
        // it to the next round rather than wait for that transaction (which waits for this timer's lock).
        return Panache.getSession()
                .flatMap(session -> session.createSelectionQuery("from Conversation where id = :id", Conversation.class)
                        .setParameter("id", timer.conversationId)
                        .setLockMode(LockMode.UPGRADE_SKIPLOCKED)
                        .getResultList())
                .flatMap(locked -> {
                    if (locked.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    timer.state = SlaTimer.State.BREACHED;
                    timer.endedAt = now;
                    return escalation.breached(timer, locked.get(0), now);
                })
                .flatMap(v -> breach(timers, i + 1, now));
    }
}
