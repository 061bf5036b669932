package io.parley.ingest.outbound;

import io.parley.contracts.EventCodec;
import io.parley.contracts.EventEnvelope;
import io.parley.contracts.EventTypes;
import io.parley.contracts.OutboundMessage;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Agents' replies from agent-gateway, delivered one conversation at a time, in order. */
@ApplicationScoped
public class OutboundListener {
    private final DeliveryService delivery;

    public OutboundListener(DeliveryService delivery) {
        this.delivery = delivery;
    }

    @Incoming("outbound-messages")
    public Uni<Void> onReply(String value) {
        EventEnvelope envelope = EventCodec.decode(value);
        if (!EventTypes.MESSAGE_OUTBOUND.equals(envelope.type())) {
            return Uni.createFrom().voidItem();
        }
        return delivery.deliver(EventCodec.payload(envelope, OutboundMessage.class));
    }
}
