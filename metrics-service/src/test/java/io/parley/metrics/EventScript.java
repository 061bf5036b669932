package io.parley.metrics;

import io.parley.contracts.EventCodec;
import io.parley.contracts.EventTypes;
import io.parley.contracts.Topics;
import io.parley.stack.testing.TopicWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Conversation events as routing-service publishes them (envelope, key = conversation id or agent), written down in
 * order and sent to the real topic; the same records can be sent again, as a replay of the topic would.
 */
public final class EventScript implements AutoCloseable {
    private final TopicWriter writer =
            new TopicWriter(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    private final List<Map.Entry<String, String>> records = new ArrayList<>();

    public void conversation(String type, UUID conversationId, Instant at, Object payload) {
        records.add(Map.entry(
                conversationId.toString(),
                EventCodec.encode(
                        UUID.randomUUID(),
                        type,
                        EventTypes.AGGREGATE_CONVERSATION,
                        conversationId.toString(),
                        at,
                        payload)));
    }

    public void agent(String type, String agent, Instant at, Object payload) {
        records.add(Map.entry(
                agent, EventCodec.encode(UUID.randomUUID(), type, EventTypes.AGGREGATE_AGENT, agent, at, payload)));
    }

    public void raw(String key, String value) {
        records.add(Map.entry(key, value));
    }

    /** Every record written so far, in order. */
    public void send() {
        writer.sendTogether(Topics.CONVERSATION_EVENTS, records);
    }

    public List<Map.Entry<String, String>> records() {
        return records;
    }

    @Override
    public void close() {
        writer.close();
    }
}
