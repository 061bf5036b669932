package io.parley.metrics.reporting;

import io.parley.contracts.ConversationEvents;
import io.parley.contracts.EventCodec;
import io.parley.contracts.EventEnvelope;
import io.parley.contracts.EventTypes;
import io.parley.idempotency.ProcessedEvents;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Turns conversation events into report figures; each event counts once, however often Kafka delivers it. */
@ApplicationScoped
public class ConversationEventListener {
    private final ConversationCounter counter;

    public ConversationEventListener(ConversationCounter counter) {
        this.counter = counter;
    }

    @Incoming("conversation-events")
    public Uni<Void> onEvent(String value) {
        EventEnvelope envelope = EventCodec.decode(value);
        if (!EventTypes.CONVERSATION_CREATED.equals(envelope.type())) {
            return Uni.createFrom().voidItem();
        }
        ConversationEvents.Created created = EventCodec.payload(envelope, ConversationEvents.Created.class);
        return Panache.withTransaction(() -> ProcessedEvents.markFirstTime(envelope.eventId())
                        .flatMap(first -> first
                                ? counter.increment(created.inboxId(), created.channel())
                                : Uni.createFrom().voidItem()))
                .onFailure(failure -> !(failure instanceof EventCodec.MalformedEventException))
                .retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
                .atMost(5);
    }
}
