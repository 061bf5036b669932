package io.parley.routing.outbox;

import io.parley.contracts.Topics;
import io.parley.reactive.CallerContext;
import io.parley.reactive.SerialRounds;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.LockMode;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox events to Kafka, oldest first, and marks them published once the broker acknowledged
 * them. A crash between ack and mark can repeat an event, which consumers ignore by id.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final SerialRounds rounds = new SerialRounds(this::round);
    private final Vertx vertx;
    private final MutinyEmitter<String> conversationEvents;
    private final MutinyEmitter<String> outbound;
    private final int batchSize;

    public OutboxRelay(
            Vertx vertx,
            @Channel("conversation-events") MutinyEmitter<String> events,
            @Channel("outbound-messages") MutinyEmitter<String> outbound,
            @ConfigProperty(name = "parley.outbox.batch-size") int batchSize) {
        this.vertx = vertx;
        this.conversationEvents = events;
        this.outbound = outbound;
        this.batchSize = batchSize;
    }

    @Scheduled(
            every = "${parley.outbox.poll-interval}",
            delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return publishPending()
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf("outbox relay could not publish, will retry: %s", failure.getMessage());
                    return 0;
                })
                .replaceWithVoid();
    }

    /**
     * Publishes what is pending, now or right after the relay already running here. One relay at a time per instance
     * (a caller arriving meanwhile makes the running one look again) and per database (a locked row; an instance
     * that does not get it leaves its rows to the holder's next round or its own poll): two relays taking turns on a
     * conversation's rows could otherwise publish its events out of order.
     *
     * @return how many events this call published
     */
    public Uni<Integer> publishPending() {
        return rounds.request();
    }

    /**
     * Starts publishing without making the caller wait: the consumer goes on with its next record while the relay
     * talks to Kafka. Runs on a context of its own, since a reactive session belongs to the context it was opened on.
     */
    public void publishSoon() {
        if (rounds.askRunning()) {
            return;
        }
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> rounds.request()
                .subscribe()
                .with(
                        published -> {},
                        failure -> LOG.warnf("outbox relay could not publish, will retry: %s", failure.getMessage())));
    }

    private Uni<SerialRounds.Round> round() {
        return Panache.withTransaction(() -> Panache.getSession()
                        .flatMap(session -> session.createSelectionQuery(
                                        "from OutboxRelayLock where id = :row", OutboxRelayLock.class)
                                .setParameter("row", OutboxRelayLock.ROW)
                                .setLockMode(LockMode.UPGRADE_SKIPLOCKED)
                                .getResultList()
                                .flatMap(lock -> lock.isEmpty()
                                        ? Uni.createFrom().item(List.<OutboxEvent>of())
                                        : session.createSelectionQuery(
                                                        "from OutboxEvent order by seq", OutboxEvent.class)
                                                .setMaxResults(batchSize)
                                                .getResultList()))
                        .flatMap(this::publishInOrder))
                .map(published -> new SerialRounds.Round(published, published == batchSize));
    }

    private Uni<Integer> publishInOrder(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Multi.createFrom()
                .iterable(events)
                .onItem()
                // Sends are issued in seq order and the idempotent producer keeps that order per partition, so they
                // need not wait for each other's acknowledgement.
                .transformToUniAndMerge(event -> CallerContext.resumeOnCallerContext(
                        (Topics.OUTBOUND_MESSAGES.equals(event.topic) ? outbound : conversationEvents)
                                .sendMessage(Message.of(event.payload)
                                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                                                .withKey(event.aggregateId)
                                                .build()))))
                .collect()
                .asList()
                // One statement removes the whole batch. Published rows are deleted, not marked: Kafka keeps the
                // events, and a table that only grows made every relay round slower (seen in bench/routing).
                .flatMap(sent -> OutboxEvent.delete(
                                "seq in ?1", events.stream().map(e -> e.seq).toList())
                        .replaceWith(events.size()));
    }
}
