package io.parley.gateway.live;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.parley.contracts.EventCodec;
import io.parley.contracts.EventCodec.MalformedEventException;
import io.parley.contracts.EventEnvelope;
import io.parley.contracts.Topics;
import io.parley.problem.ProblemException;
import io.parley.tracing.TraceParent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads every partition of the conversation events and agent activity topics (assigned, no consumer group: every
 * replica sees everything) and hands each event to the streams of the agents who may see it.
 *
 * <p>The last {@link LiveConfig#replayCapacity()} conversation events stay in memory, so a client reconnecting with
 * its Last-Event-ID (a {@link StreamPosition}) gets what it missed from here; one further behind, or reconnecting to a
 * replica that started after it left, is caught up from Kafka first. One thread reads and dispatches; subscribing and
 * dispatching hold the same lock, so no event is both replayed and sent live, and none falls between.
 */
@ApplicationScoped
public class ConversationFeed {
    private static final Logger LOG = Logger.getLogger(ConversationFeed.class);

    private final LiveConfig config;
    private final Map<String, Object> kafka;
    private final ConversationViewers viewers;
    private final Tracer tracer;
    private final Object lock = new Object();
    private final ArrayDeque<Replayable> recent = new ArrayDeque<>();
    private final List<LiveSubscriber> subscribers = new CopyOnWriteArrayList<>();

    /** Guarded by lock: the live position, and from where on {@link #recent} holds every event of each partition. */
    private StreamPosition head;

    private StreamPosition coveredFrom;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean running;
    private Thread reader;

    private record Replayable(int partition, long offset, LiveEvent event) {}

    public ConversationFeed(
            LiveConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            ConversationViewers viewers,
            Tracer tracer) {
        this.tracer = tracer;
        this.config = config;
        this.kafka = kafka;
        this.viewers = viewers;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        reader = new Thread(this::run, "parley-live-feed");
        reader.setDaemon(true);
        reader.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        subscribers.forEach(LiveSubscriber::close);
    }

    /**
     * Starts streaming to {@code subscriber}: from {@code lastEventId} when given (what it missed first), else from now
     * on, beginning with a {@code ready} event that carries the current position.
     */
    void subscribe(LiveSubscriber subscriber, String lastEventId) {
        StreamPosition from;
        synchronized (lock) {
            if (head == null) {
                throw ProblemException.unavailable("Live updates are starting; try again in a moment.");
            }
            if (lastEventId == null || lastEventId.isBlank()) {
                subscriber.offer(ready(head));
                subscribers.add(subscriber);
                return;
            }
            from = StreamPosition.parse(lastEventId, head.partitions());
        }
        long deadline = System.nanoTime() + config.catchUpTimeout().toNanos();
        while (true) {
            StreamPosition until;
            synchronized (lock) {
                if (from.reached(coveredFrom)) {
                    for (Replayable replayable : recent) {
                        if (from.precedes(replayable.partition(), replayable.offset())) {
                            subscriber.offer(replayable.event());
                        }
                    }
                    subscribers.add(subscriber);
                    return;
                }
                until = coveredFrom;
            }
            if (System.nanoTime() > deadline) {
                throw ProblemException.unavailable("Could not catch up with live updates; reload.");
            }
            from = catchUp(from, until, subscriber::offer, deadline);
        }
    }

    /** Reads what lies between {@code from} and {@code until} from Kafka; returns the position reached. */
    private StreamPosition catchUp(
            StreamPosition from, StreamPosition until, Consumer<LiveEvent> deliver, long deadline) {
        Map<String, Object> settings = consumerSettings();
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        StreamPosition reached = from;
        try (KafkaConsumer<String, String> reading = new KafkaConsumer<>(settings)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < from.partitions(); p++) {
                if (from.next(p) < until.next(p)) {
                    partitions.add(new TopicPartition(Topics.CONVERSATION_EVENTS, p));
                }
            }
            reading.assign(partitions);
            partitions.forEach(tp -> reading.seek(tp, from.next(tp.partition())));
            while (!reached.reached(until) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : reading.poll(Duration.ofMillis(200))) {
                    if (record.offset() >= until.next(record.partition())) {
                        continue;
                    }
                    reached = reached.after(record.partition(), record.offset());
                    LiveEvent event = conversationEvent(record, reached);
                    if (event != null) {
                        deliver.accept(event);
                    }
                }
                for (TopicPartition tp : partitions) {
                    // Offsets with nothing behind them (compacted, transaction markers) still move the position.
                    long position = reading.position(tp);
                    if (position > reached.next(tp.partition())) {
                        reached = reached.after(tp.partition(), Math.min(position, until.next(tp.partition())) - 1);
                    }
                }
            }
        }
        return reached;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, String> reading = new KafkaConsumer<>(consumerSettings())) {
                consumer = reading;
                List<TopicPartition> events = partitions(reading, Topics.CONVERSATION_EVENTS);
                List<TopicPartition> activity = partitions(reading, Topics.AGENT_ACTIVITY);
                List<TopicPartition> all = new ArrayList<>(events);
                all.addAll(activity);
                reading.assign(all);
                // Activity is only ever live; conversation events go on from where this replica was, if anywhere.
                reading.seekToEnd(all);
                synchronized (lock) {
                    if (head == null || head.partitions() != events.size()) {
                        long[] next = new long[events.size()];
                        events.forEach(tp -> next[tp.partition()] = reading.position(tp));
                        head = StreamPosition.of(next);
                        coveredFrom = head;
                        recent.clear();
                    } else {
                        events.forEach(tp -> reading.seek(tp, head.next(tp.partition())));
                    }
                }
                Instant lastBeat = Instant.now();
                while (running) {
                    for (ConsumerRecord<String, String> record : reading.poll(Duration.ofMillis(250))) {
                        dispatch(record);
                    }
                    Instant now = Instant.now();
                    if (Duration.between(lastBeat, now).compareTo(config.heartbeat()) >= 0) {
                        lastBeat = now;
                        subscribers.removeIf(subscriber -> !subscriber.heartbeat(now));
                        viewers.forgetExpired(now);
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf("live feed: reading Kafka failed (%s); starting over", e.getMessage());
                sleepQuietly();
            } finally {
                consumer = null;
            }
        }
    }

    /** Every partition of the topic, numbered 0 to n-1; fails while the topic does not exist yet (retried). */
    private static List<TopicPartition> partitions(KafkaConsumer<String, String> reading, String topic) {
        List<TopicPartition> partitions = new ArrayList<>();
        var infos = reading.partitionsFor(topic);
        for (int p = 0; p < infos.size(); p++) {
            partitions.add(new TopicPartition(topic, p));
        }
        if (partitions.isEmpty()) {
            throw new IllegalStateException(topic + " does not exist yet");
        }
        return partitions;
    }

    /**
     * One record to the streams; a record that cannot be handed on is logged and skipped, never read again and again
     * (the position has moved past it).
     */
    private void dispatch(ConsumerRecord<String, String> record) {
        try {
            if (record.topic().equals(Topics.CONVERSATION_EVENTS)) {
                dispatchConversationEvent(record);
            } else {
                dispatchActivity(record);
            }
        } catch (RuntimeException e) {
            LOG.errorf(
                    e,
                    "live feed: skipped %s %d/%d, which could not be handed on",
                    record.topic(),
                    record.partition(),
                    record.offset());
        }
    }

    /** In a span of the trace the record came in: one customer message is one trace up to the agents' screens. */
    private void dispatchConversationEvent(ConsumerRecord<String, String> record) {
        Span span = TraceParent.startConsumerSpan(tracer, "live " + record.topic(), TraceParent.of(record.headers()));
        try {
            dispatchInOrder(record);
        } finally {
            span.end();
        }
    }

    private void dispatchInOrder(ConsumerRecord<String, String> record) {
        synchronized (lock) {
            if (!head.precedes(record.partition(), record.offset())) {
                return;
            }
            head = head.after(record.partition(), record.offset());
            LiveEvent event = conversationEvent(record, head);
            if (event == null) {
                return;
            }
            recent.addLast(new Replayable(record.partition(), record.offset(), event));
            while (recent.size() > config.replayCapacity()) {
                Replayable dropped = recent.removeFirst();
                coveredFrom = coveredFrom.after(dropped.partition(), dropped.offset());
            }
            subscribers.removeIf(subscriber -> !subscriber.offer(event));
        }
    }

    private void dispatchActivity(ConsumerRecord<String, String> record) {
        LiveEvent event = viewers.record(record.value());
        if (event != null) {
            subscribers.removeIf(subscriber -> !subscriber.offer(event));
        }
    }

    /** The event as clients get it: its envelope as routing published it, with the position as its id. */
    private static LiveEvent conversationEvent(ConsumerRecord<String, String> record, StreamPosition position) {
        try {
            EventEnvelope envelope = EventCodec.decode(record.value());
            return new LiveEvent(position.id(), envelope.type(), record.value(), LiveAudience.of(envelope.payload()));
        } catch (MalformedEventException e) {
            LOG.warnf("live feed: skipped a record that is not an event at %d/%d", record.partition(), record.offset());
            return null;
        }
    }

    private static LiveEvent ready(StreamPosition position) {
        return new LiveEvent(position.id(), "ready", "{}", LiveAudience.EVERYONE);
    }

    private Map<String, Object> consumerSettings() {
        Map<String, Object> settings = new HashMap<>(kafka);
        settings.keySet().removeIf(key -> key.startsWith("mp.") || key.startsWith("smallrye."));
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "agent-gateway-live-" + java.util.UUID.randomUUID());
        return settings;
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
