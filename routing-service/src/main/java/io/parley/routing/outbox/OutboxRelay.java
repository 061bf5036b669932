package io.parley.routing.outbox;

import io.parley.contracts.Topics;
import io.parley.reactive.CallerContext;
import io.parley.reactive.OwnContext;
import io.parley.reactive.SerialRounds;
import io.parley.tracing.TraceParent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox events to Kafka, oldest first, and marks them published once the broker acknowledged
 * them. A crash between ack and mark can repeat an event, which consumers ignore by id.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /**
     * The relay's turn (the lock row, skipped when another relay holds it) and the oldest pending events, in one
     * statement: without the turn the read finds nothing.
     */
    private static final String TAKE_TURN_AND_READ = """
            with turn as materialized (select id from outbox_relay_lock where id = 1 for update skip locked)
            select seq, topic, aggregate_id, payload, type, trace_parent from outbox_event
            where exists (select 1 from turn)
            order by seq
            limit $1
            """;

    private static final String DELETE_PUBLISHED = "delete from outbox_event where seq = any($1)";

    private final SerialRounds rounds = new SerialRounds(this::round);
    private final Pool pool;
    private final Vertx vertx;
    private final MutinyEmitter<String> conversationEvents;
    private final MutinyEmitter<String> outbound;
    private final int batchSize;
    private final PublishedEvents published;

    public OutboxRelay(
            Pool pool,
            Vertx vertx,
            @Channel("conversation-events") MutinyEmitter<String> events,
            @Channel("outbound-messages") MutinyEmitter<String> outbound,
            @ConfigProperty(name = "parley.outbox.batch-size") int batchSize,
            PublishedEvents published) {
        this.published = published;
        this.pool = pool;
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
     * talks to Kafka. Runs on a context of its own, not on the caller's, which goes on with its next batch.
     */
    public void publishSoon() {
        if (rounds.askRunning()) {
            return;
        }
        OwnContext.run(vertx, rounds::request)
                .subscribe()
                .with(
                        published -> {},
                        failure -> LOG.warnf("outbox relay could not publish, will retry: %s", failure.getMessage()));
    }

    private record Pending(long seq, String topic, String key, String payload, String type, TraceParent trace) {}

    /**
     * Plain SQL on the pool rather than entities: a round only reads events and deletes them, which needs neither
     * managed entities (hydrated and dirty-checked) nor a delete by a list that HQL translates anew every round.
     */
    private Uni<SerialRounds.Round> round() {
        return pool.withTransaction(connection -> connection
                        .preparedQuery(TAKE_TURN_AND_READ)
                        .execute(Tuple.of(batchSize))
                        .flatMap(rows -> {
                            List<Pending> events = new ArrayList<>(rows.size());
                            for (Row row : rows) {
                                events.add(new Pending(
                                        row.getLong(0),
                                        row.getString(1),
                                        row.getString(2),
                                        row.getString(3),
                                        row.getString(4),
                                        TraceParent.ofNullable(row.getString(5))));
                            }
                            return publishInOrder(connection, events);
                        }))
                .map(published -> new SerialRounds.Round(published, published == batchSize));
    }

    private Uni<Integer> publishInOrder(SqlConnection connection, List<Pending> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Multi.createFrom()
                .iterable(events)
                .onItem()
                // Sends are issued in seq order and the idempotent producer keeps that order per partition, so they
                // need not wait for each other's acknowledgement.
                .transformToUniAndMerge(event ->
                        CallerContext.resumeOnCallerContext((Topics.OUTBOUND_MESSAGES.equals(event.topic())
                                        ? outbound
                                        : conversationEvents)
                                .sendMessage(TraceParent.parentOf(
                                        event.trace(),
                                        Message.of(event.payload())
                                                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                                                        .withKey(event.key())
                                                        .build())))))
                .collect()
                .asList()
                // One statement removes the whole batch. Published rows are deleted, not marked: Kafka keeps the
                // events, and a table that only grows made every relay round slower (seen in bench/routing).
                .flatMap(sent -> connection
                        .preparedQuery(DELETE_PUBLISHED)
                        .execute(Tuple.of(
                                events.stream().mapToLong(Pending::seq).boxed().toArray(Long[]::new)))
                        .replaceWith(events.size()))
                .invoke(count -> events.forEach(event -> published.count(event.topic(), event.type())));
    }
}
