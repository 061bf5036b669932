package io.parley.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Parks a record that can never be processed on a dead-letter topic, with its key and value and why, so it holds back
 * nothing else; {@code ./parley redrive} sends it back to the topic its {@code dead-letter-topic} header names.
 */
public final class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private DeadLetters() {}

    public static Uni<Void> park(
            MutinyEmitter<String> deadLetters, ConsumerRecord<String, String> record, Throwable why) {
        LOG.warnf(
                "parking record %s-%d@%d on the dead-letter topic: %s",
                record.topic(), record.partition(), record.offset(), why.getMessage());
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", String.valueOf(why.getMessage()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add(
                "dead-letter-partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        return deadLetters.sendMessage(Message.of(record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(record.key())
                        .withHeaders(headers)
                        .build()));
    }
}
