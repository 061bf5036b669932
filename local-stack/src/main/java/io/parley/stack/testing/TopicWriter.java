package io.parley.stack.testing;

import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes records to the real broker as an upstream service would, waiting for each acknowledgement. */
public final class TopicWriter implements AutoCloseable {
    private final KafkaProducer<String, String> producer;

    public TopicWriter(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(config);
    }

    public void send(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("broker did not acknowledge a record for " + topic, e);
        }
    }

    /** Sends records without waiting between them (they reach the broker together), then waits for all. */
    public void sendTogether(String topic, java.util.List<java.util.Map.Entry<String, String>> keyedValues) {
        java.util.List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
        keyedValues.forEach(
                record -> sent.add(producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue()))));
        producer.flush();
        for (java.util.concurrent.Future<?> each : sent) {
            try {
                each.get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("broker did not acknowledge a record for " + topic, e);
            }
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
