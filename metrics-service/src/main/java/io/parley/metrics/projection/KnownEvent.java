package io.parley.metrics.projection;

import io.parley.contracts.ConversationEvents;
import io.parley.contracts.EventCodec;
import io.parley.contracts.EventEnvelope;
import io.parley.contracts.EventTypes;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An event of a type reports use, with its payload read. Reading happens before the consuming transaction, so a record
 * whose payload can never be read goes to the dead-letter topic instead of failing its batch again and again.
 */
public record KnownEvent(EventEnvelope envelope, UUID conversationId, Object payload) {
    private static final Map<String, Class<?>> PAYLOADS = Map.ofEntries(
            Map.entry(EventTypes.CONVERSATION_CREATED, ConversationEvents.Created.class),
            Map.entry(EventTypes.CONVERSATION_MESSAGE_CREATED, ConversationEvents.MessageCreated.class),
            Map.entry(EventTypes.CONVERSATION_ASSIGNED, ConversationEvents.Assigned.class),
            Map.entry(EventTypes.CONVERSATION_UNASSIGNED, ConversationEvents.Unassigned.class),
            Map.entry(EventTypes.CONVERSATION_TRANSFERRED, ConversationEvents.Transferred.class),
            Map.entry(EventTypes.CONVERSATION_QUEUED, ConversationEvents.Queued.class),
            Map.entry(EventTypes.CONVERSATION_TAGGED, ConversationEvents.Tagged.class),
            Map.entry(EventTypes.CONVERSATION_UNTAGGED, ConversationEvents.Tagged.class),
            Map.entry(EventTypes.CONVERSATION_PRIORITY_CHANGED, ConversationEvents.PriorityChanged.class),
            Map.entry(EventTypes.CONVERSATION_STATUS_CHANGED, ConversationEvents.StatusChanged.class),
            Map.entry(EventTypes.CONVERSATION_AGENT_REPLIED, ConversationEvents.AgentReplied.class),
            Map.entry(EventTypes.CONVERSATION_FIRST_REPLY, ConversationEvents.FirstReply.class),
            Map.entry(EventTypes.CONVERSATION_RESOLVED, ConversationEvents.Resolved.class),
            Map.entry(EventTypes.CONVERSATION_REOPENED, ConversationEvents.Reopened.class),
            Map.entry(EventTypes.SLA_MET, ConversationEvents.SlaMet.class),
            Map.entry(EventTypes.SLA_BREACHED, ConversationEvents.SlaBreached.class),
            Map.entry(EventTypes.CSAT_REQUESTED, ConversationEvents.CsatRequested.class),
            Map.entry(EventTypes.CSAT_RESPONDED, ConversationEvents.CsatResponded.class),
            Map.entry(EventTypes.AGENT_AVAILABILITY_CHANGED, ConversationEvents.AgentAvailabilityChanged.class));

    /**
     * @return empty for a type reports do not use (the topic carries more than reports need)
     * @throws EventCodec.MalformedEventException when the record is not an envelope or its payload cannot be read
     */
    public static Optional<KnownEvent> read(String value) {
        EventEnvelope envelope = EventCodec.decode(value);
        Class<?> type = PAYLOADS.get(envelope.type());
        if (type == null) {
            return Optional.empty();
        }
        if (envelope.occurredAt() == null) {
            throw new EventCodec.MalformedEventException(envelope.type() + " has no occurredAt");
        }
        Object payload = EventCodec.payload(envelope, type);
        if (EventTypes.AGENT_AVAILABILITY_CHANGED.equals(envelope.type())) {
            if (!envelope.payload().path("agent").isTextual()
                    || !envelope.payload().path("availability").isTextual()) {
                throw new EventCodec.MalformedEventException(envelope.type() + " names no agent or availability");
            }
            return Optional.of(new KnownEvent(envelope, null, payload));
        }
        try {
            UUID conversationId =
                    UUID.fromString(envelope.payload().path("conversationId").asText());
            return Optional.of(new KnownEvent(envelope, conversationId, payload));
        } catch (IllegalArgumentException e) {
            throw new EventCodec.MalformedEventException(envelope.type() + " names no conversation");
        }
    }
}
