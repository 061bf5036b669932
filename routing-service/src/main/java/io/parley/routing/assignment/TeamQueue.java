package io.parley.routing.assignment;

import io.parley.routing.outbox.OutboxRelay;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Serves every team's queue when capacity may have freed: after a resolve, transfer, unassignment or an agent coming
 * online, and on a sweep that also catches fair-distribution windows moving on. One transaction per team.
 */
@ApplicationScoped
public class TeamQueue {
    private static final Logger LOG = Logger.getLogger(TeamQueue.class);

    private final AssignmentService assignment;
    private final OutboxRelay relay;
    private final Clock clock;

    public TeamQueue(AssignmentService assignment, OutboxRelay relay, Clock clock) {
        this.assignment = assignment;
        this.relay = relay;
        this.clock = clock;
    }

    @Scheduled(
            every = "${parley.queue.sweep-interval}",
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return drainAll()
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf("queue sweep failed, next sweep retries: %s", failure.getMessage());
                    return 0;
                })
                .replaceWithVoid();
    }

    /** @return how many conversations got an agent */
    public Uni<Integer> drainAll() {
        return Panache.withSession(() -> Panache.getSession()
                        .flatMap(session -> session.createSelectionQuery(
                                        "select distinct team from Conversation where " + WaitingInQueue.CONDITION,
                                        String.class)
                                .getResultList()))
                .flatMap(this::drain);
    }

    public Uni<Integer> drain(List<String> teams) {
        if (teams.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Multi.createFrom()
                .iterable(teams)
                .onItem()
                .transformToUniAndConcatenate(
                        team -> Panache.withTransaction(() -> assignment.drain(team, clock.instant())))
                .collect()
                .with(java.util.stream.Collectors.summingInt(Integer::intValue))
                .call(assigned -> assigned > 0
                        ? relay.publishPending().onFailure().recoverWithItem(0)
                        : Uni.createFrom().item(0));
    }
}
