package io.parley.routing.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code parley_events_published_total{topic, type}} on routing's metrics endpoint (management port, Prometheus):
 * every event the relay published, counted once it is on the broker and gone from the outbox — SLA breaches
 * ({@code sla.breached}), survey answers ({@code csat.responded}) and the rest, as they happen.
 */
@ApplicationScoped
public class PublishedEvents {
    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public PublishedEvents(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(String topic, String type) {
        counters.computeIfAbsent(
                        topic + ' ' + type,
                        key -> Counter.builder("parley.events.published")
                                .tag("topic", topic)
                                .tag("type", type)
                                .register(registry))
                .increment();
    }
}
