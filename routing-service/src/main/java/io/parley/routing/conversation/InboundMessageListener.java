package io.parley.routing.conversation;

import io.parley.contracts.EventCodec;
import io.parley.contracts.EventEnvelope;
import io.parley.contracts.EventTypes;
import io.parley.contracts.InboundMessage;
import io.parley.contracts.MessageStatus;
import io.parley.contracts.OutboundResult;
import io.parley.idempotency.ProcessedEvents;
import io.parley.routing.outbox.Outbox;
import io.parley.routing.outbox.OutboxRelay;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes what ingest publishes: customers' messages, the outcome of agents' replies, and channel receipts. The
 * processed-event mark, the conversation changes and the outgoing events
 * commit together, so a redelivered record changes nothing; the relay starts publishing right after the commit,
 * without holding up the next record.
 */
@ApplicationScoped
public class InboundMessageListener {
    private static final Logger LOG = Logger.getLogger(InboundMessageListener.class);

    private final ConversationService conversations;
    private final ReplyService replies;
    private final OutboxRelay relay;
    private final Outbox outbox;

    public InboundMessageListener(
            ConversationService conversations, ReplyService replies, OutboxRelay relay, Outbox outbox) {
        this.conversations = conversations;
        this.replies = replies;
        this.relay = relay;
        this.outbox = outbox;
    }

    @Incoming("inbound-messages")
    public Uni<Void> onInbound(String value) {
        EventEnvelope envelope = EventCodec.decode(value);
        Uni<Void> effect = effect(envelope);
        if (effect == null) {
            LOG.debugf("skipping event of type %s", envelope.type());
            return Uni.createFrom().voidItem();
        }
        return outbox.inTransaction(() -> ProcessedEvents.markFirstTime(envelope.eventId())
                        .flatMap(first ->
                                first ? effect(envelope) : Uni.createFrom().voidItem()))
                .onFailure(failure -> !(failure instanceof EventCodec.MalformedEventException))
                .retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
                .atMost(5)
                .invoke(relay::publishSoon)
                .replaceWithVoid();
    }

    /** What an event does to conversations, or null for types routing does not handle. Lazy: runs on subscription. */
    private Uni<Void> effect(EventEnvelope envelope) {
        return switch (envelope.type()) {
            case EventTypes.MESSAGE_INBOUND ->
                Uni.createFrom()
                        .deferred(() -> conversations.receive(EventCodec.payload(envelope, InboundMessage.class)));
            case EventTypes.MESSAGE_OUTBOUND_RESULT ->
                Uni.createFrom().deferred(() -> replies.record(EventCodec.payload(envelope, OutboundResult.class)));
            case EventTypes.MESSAGE_STATUS ->
                Uni.createFrom().deferred(() -> replies.receipt(EventCodec.payload(envelope, MessageStatus.class)));
            default -> null;
        };
    }
}
