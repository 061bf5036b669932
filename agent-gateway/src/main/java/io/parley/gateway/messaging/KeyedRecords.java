package io.parley.gateway.messaging;

import io.parley.problem.ProblemException;
import io.parley.reactive.CallerContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Sends one keyed record through a channel, back on the caller's context, as a 503 problem when Kafka refuses it. */
public final class KeyedRecords {
    private KeyedRecords() {}

    /** @param unavailable what the caller is told when the broker does not take it */
    public static Uni<Void> send(MutinyEmitter<String> channel, String key, String value, String unavailable) {
        Message<String> record = Message.of(value)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(key)
                        .build());
        return CallerContext.resumeOnCallerContext(channel.sendMessage(record))
                .onFailure()
                .transform(failure -> ProblemException.unavailable(unavailable));
    }
}
