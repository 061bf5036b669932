package io.parley.stack.testing;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic of the real broker from the beginning, for tests to assert what a service published. Uses the
 * kafka-clients that every service already has; poll from the test thread only.
 */
public final class TopicProbe implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    /**
     * By partition and offset: after a broker restart the probe's group rebalances and, with no committed offsets,
     * reads its partitions from the beginning again; a record read twice is still one record on the topic.
     */
    private final Map<String, ConsumerRecord<String, String>> seen = new LinkedHashMap<>();

    public TopicProbe(String bootstrapServers, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(config);
        consumer.subscribe(List.of(topic));
    }

    /** Everything read so far, after one more poll. */
    public List<ConsumerRecord<String, String>> records() {
        consumer.poll(Duration.ofMillis(250))
                .forEach(record -> seen.putIfAbsent(record.partition() + "@" + record.offset(), record));
        return List.copyOf(seen.values());
    }

    @Override
    public void close() {
        consumer.close();
    }
}
