package io.parley.stack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends parked records back where they came from, once what made them unprocessable is fixed: each record of a
 * dead-letter topic goes to the topic its {@code dead-letter-topic} header names, with its key and value, in order.
 * Progress is the offsets of one consumer group, committed after the records are on the broker, so a re-drive stopped
 * half-way goes on from there, and a record is re-driven once. Consumers are idempotent by event id, so one sent twice
 * after a crash between send and commit still counts once. A record that fails again is simply parked again.
 */
public final class DeadLetterRedrive {
    public static final String GROUP = "parley-dead-letter-redrive";
    private static final Duration QUIET = Duration.ofSeconds(2);

    private DeadLetterRedrive() {}

    /** @return how many records were sent back */
    public static int redrive(String bootstrapServers, String deadLetterTopic) {
        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        int sent = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig);
                KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
            consumer.subscribe(List.of(deadLetterTopic));
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < QUIET.toNanos()) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                for (ConsumerRecord<String, String> record : records) {
                    producer.send(new ProducerRecord<>(origin(record, deadLetterTopic), record.key(), record.value()));
                    sent++;
                }
                producer.flush();
                consumer.commitSync(Duration.ofSeconds(30));
                quietSince = System.nanoTime();
            }
            producer.close(Duration.ofSeconds(30));
        }
        return sent;
    }

    /** The header SmallRye's dead-letter strategy and Parley's listeners write; else the name without its suffix. */
    static String origin(ConsumerRecord<String, String> record, String deadLetterTopic) {
        Header header = record.headers().lastHeader("dead-letter-topic");
        if (header != null) {
            return new String(header.value(), StandardCharsets.UTF_8);
        }
        for (String suffix : List.of(".metrics-dlq", ".dlq")) {
            if (deadLetterTopic.endsWith(suffix)) {
                return deadLetterTopic.substring(0, deadLetterTopic.length() - suffix.length());
            }
        }
        throw new StackException(
                "cannot tell where " + deadLetterTopic + " records came from: no dead-letter-topic" + " header");
    }
}
