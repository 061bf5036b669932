package io.parley.ingest.intake;

import io.parley.contracts.EventCodec;
import io.parley.contracts.EventEnvelope;
import io.parley.reactive.CallerContext;
import io.parley.tracing.TraceParent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

@ApplicationScoped
public class InboundEventPublisher {
    private final MutinyEmitter<String> emitter;

    public InboundEventPublisher(@Channel("inbound-messages") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Completes when the broker acknowledged the record (acks=all), fails when it could not. */
    public Uni<Void> publish(String key, EventEnvelope envelope) {
        return publish(key, EventCodec.encode(envelope));
    }

    /** For an envelope already encoded; resumes on the caller's context. */
    public Uni<Void> publish(String key, String encodedEnvelope) {
        return CallerContext.resumeOnCallerContext(send(key, encodedEnvelope, TraceParent.current()));
    }

    /**
     * The same, completing on the producer's I/O thread: for a caller with no context to return to, such as the relay,
     * whose round goes on with its own connection. The record joins {@code trace}, the webhook's (null: none).
     */
    Uni<Void> send(String key, String encodedEnvelope, TraceParent trace) {
        Message<String> message = Message.of(encodedEnvelope)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(key)
                        .build());
        return emitter.sendMessage(TraceParent.parentOf(trace, message));
    }
}
