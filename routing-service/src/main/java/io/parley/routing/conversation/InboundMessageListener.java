package io.parley.routing.conversation;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.parley.contracts.EventCodec;
import io.parley.contracts.EventEnvelope;
import io.parley.contracts.EventTypes;
import io.parley.contracts.InboundMessage;
import io.parley.contracts.MessageStatus;
import io.parley.contracts.OutboundResult;
import io.parley.idempotency.ProcessedEvents;
import io.parley.messaging.DeadLetters;
import io.parley.reactive.CallerContext;
import io.parley.routing.assignment.AssignmentService;
import io.parley.routing.outbox.Outbox;
import io.parley.routing.outbox.OutboxRelay;
import io.parley.tracing.TraceParent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes what ingest publishes: customers' messages, the outcome of agents' replies, and channel receipts.
 *
 * <p>A poll's records are routed in one transaction: their processed-event marks, the conversation changes and the
 * outgoing events commit together, so a redelivered record changes nothing. Queues are served once per team at the end
 * of the batch instead of once per message (the team lock and the roster reads were most of a message's statements),
 * and the relay starts publishing right after the commit. When a batch fails, its records are routed again one by one,
 * each in a transaction of its own with retries, so one bad record cannot hold back the others; a record that still
 * cannot be routed is parked on the dead-letter topic.
 */
@ApplicationScoped
public class InboundMessageListener {
    private static final Logger LOG = Logger.getLogger(InboundMessageListener.class);

    private final ConversationService conversations;
    private final ReplyService replies;
    private final AssignmentService assignment;
    private final OutboxRelay relay;
    private final Outbox outbox;
    private final MessageLog messages;
    private final MutinyEmitter<String> deadLetters;
    private final Tracer tracer;

    public InboundMessageListener(
            ConversationService conversations,
            ReplyService replies,
            AssignmentService assignment,
            OutboxRelay relay,
            Outbox outbox,
            MessageLog messages,
            @Channel("inbound-dead-letters") MutinyEmitter<String> deadLetters,
            Tracer tracer) {
        this.tracer = tracer;
        this.conversations = conversations;
        this.replies = replies;
        this.assignment = assignment;
        this.relay = relay;
        this.outbox = outbox;
        this.messages = messages;
        this.deadLetters = deadLetters;
    }

    @Incoming("inbound-messages")
    public Uni<Void> onBatch(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> routable = new ArrayList<>(records.count());
        List<Received> envelopes = new ArrayList<>(records.count());
        List<Uni<Void>> parked = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                envelopes.add(new Received(EventCodec.decode(record.value()), TraceParent.of(record.headers())));
                routable.add(record);
            } catch (RuntimeException e) {
                // Not only MalformedEventException: a record without a value must not fail the whole batch either.
                parked.add(park(record, e));
            }
        }
        Uni<Void> parking = parked.isEmpty()
                ? Uni.createFrom().voidItem()
                : Uni.join().all(parked).andFailFast().replaceWithVoid();
        if (envelopes.isEmpty()) {
            return parking;
        }
        return parking.flatMap(v -> routeTogether(routable, envelopes));
    }

    /** A record's event and the trace it came in (null: none). */
    private record Received(EventEnvelope envelope, TraceParent trace) {}

    private Uni<Void> routeTogether(List<ConsumerRecord<String, String>> routable, List<Received> envelopes) {
        return outbox.inTransaction(() ->
                        assignment.servingQueuesAfter(() -> Uni.createFrom().deferred(() -> all(envelopes))))
                .invoke(relay::publishSoon)
                .onFailure()
                .recoverWithUni(failure -> {
                    LOG.warnf(
                            "a batch of %d records failed, routing them one by one: %s",
                            envelopes.size(), failure.getMessage());
                    return oneByOne(routable, envelopes);
                });
    }

    /**
     * The batch's events marked processed in one statement, then the effects of those seen for the first time, with
     * what the batch's customers' messages bring new read in one statement too.
     */
    private Uni<Void> all(List<Received> envelopes) {
        List<Routed> handled = new ArrayList<>(envelopes.size());
        List<InboundMessage> inbound = new ArrayList<>(envelopes.size());
        for (Received received : envelopes) {
            EventEnvelope envelope = received.envelope();
            if (handles(envelope)) {
                InboundMessage message = EventTypes.MESSAGE_INBOUND.equals(envelope.type())
                        ? EventCodec.payload(envelope, InboundMessage.class)
                        : null;
                handled.add(new Routed(envelope, message, received.trace()));
                if (message != null) {
                    inbound.add(message);
                }
            }
        }
        return ProcessedEvents.markFirstTime(handled.stream()
                        .map(routed -> routed.envelope().eventId())
                        .toList())
                .flatMap(fresh -> messages.heldUntilDone(() -> NewArrivals.of(inbound)
                        .flatMap(arrivals -> Multi.createFrom()
                                .iterable(handled)
                                .onItem()
                                .transformToUniAndConcatenate(
                                        routed -> fresh.remove(routed.envelope().eventId())
                                                ? effect(routed, arrivals)
                                                : Uni.createFrom().voidItem())
                                .collect()
                                .last()
                                .replaceWithVoid())))
                .call(InboundMessageListener::writtenAndLetGo);
    }

    /**
     * The records' changes written, and their entities let go before the team queues are served: each query of a
     * queue pass would otherwise prepare a flush of every entity the batch touched (a tenth of routing's CPU in JFR).
     */
    private static Uni<Void> writtenAndLetGo() {
        return Panache.getSession().flatMap(session -> session.flush().invoke(session::clear));
    }

    /**
     * Nothing is flushed between the batch's records: their inserts wait for the first query that needs them or the
     * end of the batch, and go out in fewer round trips.
     */
    private Uni<Void> effect(Routed routed, NewArrivals arrivals) {
        return traced(
                routed.envelope(),
                routed.trace(),
                () -> routed.message() != null
                        ? Uni.createFrom().deferred(() -> conversations.receive(routed.message(), arrivals))
                        : effect(routed.envelope()));
    }

    /**
     * A span for routing one record, in the trace the record came in, and the outbox events its work records filed
     * under that span: metrics and the gateway continue the trace from them.
     */
    private Uni<Void> traced(EventEnvelope envelope, TraceParent trace, Supplier<Uni<Void>> work) {
        Span span = TraceParent.startConsumerSpan(tracer, "route " + envelope.type(), trace);
        return outbox.causedBy(TraceParent.of(span), work).onTermination().invoke(span::end);
    }

    /**
     * An event to route, for a customer's message its payload (read once for the batch's lookups and its effect), and
     * the trace it came in.
     */
    private record Routed(EventEnvelope envelope, InboundMessage message, TraceParent trace) {}

    /** One record on its own: its effect, unless its event was processed before. */
    private Uni<Void> once(Received received) {
        EventEnvelope envelope = received.envelope();
        if (!handles(envelope)) {
            LOG.debugf("skipping event of type %s", envelope.type());
            return Uni.createFrom().voidItem();
        }
        return ProcessedEvents.markFirstTime(envelope.eventId())
                .flatMap(first -> first
                        ? traced(envelope, received.trace(), () -> effect(envelope))
                        : Uni.createFrom().voidItem());
    }

    private Uni<Void> oneByOne(List<ConsumerRecord<String, String>> records, List<Received> envelopes) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < envelopes.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            Received envelope = envelopes.get(i);
            chain = chain.flatMap(v -> alone(envelope).onFailure().recoverWithUni(failure -> park(record, failure)));
        }
        return chain;
    }

    private Uni<Void> alone(Received envelope) {
        return outbox.inTransaction(() -> once(envelope))
                .onFailure(failure -> !(failure instanceof EventCodec.MalformedEventException))
                .retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
                .atMost(5)
                .invoke(relay::publishSoon);
    }

    /** A record that can never be routed is kept on the dead-letter topic, with why, instead of blocking the rest. */
    private Uni<Void> park(ConsumerRecord<String, String> record, Throwable why) {
        return CallerContext.resumeOnCallerContext(DeadLetters.park(deadLetters, record, why));
    }

    private static boolean handles(EventEnvelope envelope) {
        return switch (envelope.type()) {
            case EventTypes.MESSAGE_INBOUND, EventTypes.MESSAGE_OUTBOUND_RESULT, EventTypes.MESSAGE_STATUS -> true;
            default -> false;
        };
    }

    /** What an event of a {@linkplain #handles handled} type does to conversations. Lazy: runs on subscription. */
    private Uni<Void> effect(EventEnvelope envelope) {
        return Uni.createFrom().deferred(() -> switch (envelope.type()) {
            case EventTypes.MESSAGE_INBOUND ->
                conversations.receive(EventCodec.payload(envelope, InboundMessage.class));
            case EventTypes.MESSAGE_OUTBOUND_RESULT ->
                replies.record(EventCodec.payload(envelope, OutboundResult.class));
            case EventTypes.MESSAGE_STATUS -> replies.receipt(EventCodec.payload(envelope, MessageStatus.class));
            default -> throw new IllegalArgumentException("not routed: " + envelope.type());
        });
    }
}
