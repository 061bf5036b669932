package io.parley.metrics.projection;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.parley.messaging.DeadLetters;
import io.parley.metrics.live.LiveFigures;
import io.parley.tracing.TraceParent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes parley.conversation-events into reporting events, a poll's records in one transaction: their processed-event
 * marks, reporting events and conversation state commit together, so a redelivered or replayed record changes nothing.
 *
 * <p>A record that can never be processed (not an envelope, a payload that cannot be read) goes to the dead-letter
 * topic ({@link DeadLetters}). Anything else that fails (PostgreSQL down, a lost connection) is retried, with back-off, until it succeeds:
 * the partition waits rather than skip a figure.
 */
@ApplicationScoped
public class ConversationEventListener {
    private static final Logger LOG = Logger.getLogger(ConversationEventListener.class);

    private final Pool pool;
    private final ProjectionStore store;
    private final ReportingProjector projector;
    private final LiveFigures live;
    private final MutinyEmitter<String> deadLetters;
    private final Tracer tracer;

    public ConversationEventListener(
            Pool pool,
            ProjectionStore store,
            ReportingProjector projector,
            LiveFigures live,
            @Channel("metrics-dead-letters") MutinyEmitter<String> deadLetters,
            Tracer tracer) {
        this.tracer = tracer;
        this.pool = pool;
        this.store = store;
        this.projector = projector;
        this.live = live;
        this.deadLetters = deadLetters;
    }

    @Incoming("conversation-events")
    public Uni<Void> onBatch(ConsumerRecords<String, String> records) {
        List<KnownEvent> known = new ArrayList<>(records.count());
        List<Span> spans = new ArrayList<>(records.count());
        List<Uni<Void>> parked = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                KnownEvent.read(record.value()).ifPresent(event -> {
                    known.add(event);
                    // Each event's projection in the trace it came in; its batch's transaction is its duration.
                    spans.add(TraceParent.startConsumerSpan(
                            tracer, "project " + event.envelope().type(), TraceParent.of(record.headers())));
                });
            } catch (RuntimeException e) {
                parked.add(DeadLetters.park(deadLetters, record, e));
            }
        }
        Uni<Void> parking = parked.isEmpty()
                ? Uni.createFrom().voidItem()
                : Uni.join().all(parked).andFailFast().replaceWithVoid();
        return known.isEmpty()
                ? parking
                : parking.flatMap(v -> projectUntilDone(known)).onTermination().invoke(() -> spans.forEach(Span::end));
    }

    private Uni<Void> projectUntilDone(List<KnownEvent> events) {
        return Uni.createFrom()
                .deferred(() -> pool.withTransaction(connection -> project(connection, events)))
                .onFailure()
                .invoke(failure -> LOG.warnf(
                        "%d conversation events not projected yet, retrying: %s", events.size(), failure.toString()))
                .onFailure()
                .retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10))
                .indefinitely()
                .invoke(live::consumed)
                .replaceWithVoid();
    }

    private Uni<ProjectionBatch> project(io.vertx.mutiny.sqlclient.SqlConnection connection, List<KnownEvent> events) {
        return store.markFirstTime(
                        connection,
                        events.stream().map(e -> e.envelope().eventId()).toList())
                .flatMap(fresh -> {
                    List<KnownEvent> first = new ArrayList<>(events.size());
                    Set<UUID> conversations = new LinkedHashSet<>();
                    for (KnownEvent event : events) {
                        // remove: an id twice in one batch is applied once
                        if (fresh.remove(event.envelope().eventId())) {
                            first.add(event);
                            if (event.conversationId() != null) {
                                conversations.add(event.conversationId());
                            }
                        }
                    }
                    return store.load(connection, conversations).flatMap(loaded -> {
                        ProjectionBatch batch = new ProjectionBatch(loaded);
                        first.forEach(event -> projector.apply(event, batch));
                        return store.write(connection, batch).replaceWith(batch);
                    });
                });
    }
}
