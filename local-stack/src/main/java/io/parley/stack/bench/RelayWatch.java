package io.parley.stack.bench;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** How many events ingest's relay has put on the inbound topic: the sum of its partitions' end offsets. */
final class RelayWatch implements AutoCloseable {
    private static final String TOPIC = "parley.inbound-messages";

    private final KafkaConsumer<String, String> consumer;

    RelayWatch(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(config);
    }

    /**
     * Waits until the topic holds at least {@code events}.
     *
     * @return the nanoseconds waited
     */
    long awaitAtLeast(long events) {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(120);
        long onTopic = 0;
        while (System.nanoTime() < deadline) {
            onTopic = onTopic();
            if (onTopic >= events) {
                return System.nanoTime() - start;
            }
            try {
                Thread.sleep(10); // polling the broker's offsets, not waiting for a result to appear by itself
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("the relay put " + onTopic + " of " + events + " accepted events on Kafka");
    }

    private long onTopic() {
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        return consumer.endOffsets(partitions, Duration.ofSeconds(10)).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
