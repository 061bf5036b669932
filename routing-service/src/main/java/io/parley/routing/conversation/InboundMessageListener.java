package io.parley.routing.conversation;

import io.parley.contracts.EventCodec;
import io.parley.contracts.EventEnvelope;
import io.parley.contracts.EventTypes;
import io.parley.contracts.InboundMessage;
import io.parley.idempotency.ProcessedEvents;
import io.parley.routing.outbox.OutboxRelay;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes ingest's normalised messages. The processed-event mark, the conversation changes and the outgoing events
 * commit together, so a redelivered record changes nothing; the relay publishes right after the commit.
 */
@ApplicationScoped
public class InboundMessageListener {
    private static final Logger LOG = Logger.getLogger(InboundMessageListener.class);

    private final ConversationService conversations;
    private final OutboxRelay relay;

    public InboundMessageListener(ConversationService conversations, OutboxRelay relay) {
        this.conversations = conversations;
        this.relay = relay;
    }

    @Incoming("inbound-messages")
    public Uni<Void> onInbound(String value) {
        EventEnvelope envelope = EventCodec.decode(value);
        if (!EventTypes.MESSAGE_INBOUND.equals(envelope.type())) {
            LOG.debugf("skipping event of type %s", envelope.type());
            return Uni.createFrom().voidItem();
        }
        InboundMessage message = EventCodec.payload(envelope, InboundMessage.class);
        return Panache.withTransaction(() -> ProcessedEvents.markFirstTime(envelope.eventId())
                        .flatMap(first -> first
                                ? conversations.receive(message)
                                : Uni.createFrom().voidItem()))
                .onFailure(failure -> !(failure instanceof EventCodec.MalformedEventException))
                .retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
                .atMost(5)
                .call(() -> relay.publishPending().onFailure().recoverWithItem(0))
                .replaceWithVoid();
    }
}
