package io.parley.routing.outbox;

import io.parley.contracts.Topics;
import io.parley.reactive.CallerContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox events to Kafka, oldest first, and marks them published once the broker acknowledged
 * them. Rows are claimed with SKIP LOCKED, so several relays (after each commit, on the poll, on other instances) never
 * publish the same batch concurrently; a crash between ack and mark can repeat an event, which consumers ignore by id.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final MutinyEmitter<String> conversationEvents;
    private final MutinyEmitter<String> outbound;
    private final int batchSize;

    public OutboxRelay(
            @Channel("conversation-events") MutinyEmitter<String> events,
            @Channel("outbound-messages") MutinyEmitter<String> outbound,
            @ConfigProperty(name = "parley.outbox.batch-size") int batchSize) {
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

    /** @return how many events were published */
    public Uni<Integer> publishPending() {
        return Panache.withTransaction(() -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery(
                                "select * from outbox_event where published_at is null order by seq"
                                        + " limit :limit for update skip locked",
                                OutboxEvent.class)
                        .setParameter("limit", batchSize)
                        .getResultList())
                .flatMap(this::publishInOrder));
    }

    private Uni<Integer> publishInOrder(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Multi.createFrom()
                .iterable(events)
                .onItem()
                .transformToUniAndConcatenate(event -> CallerContext.resumeOnCallerContext(
                                (Topics.OUTBOUND_MESSAGES.equals(event.topic) ? outbound : conversationEvents)
                                        .sendMessage(Message.of(event.payload)
                                                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                                                        .withKey(event.aggregateId)
                                                        .build())))
                        .invoke(() -> event.publishedAt = Instant.now()))
                .collect()
                .asList()
                .map(List::size);
    }
}
