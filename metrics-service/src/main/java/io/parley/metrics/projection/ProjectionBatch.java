package io.parley.metrics.projection;

import io.parley.contracts.ConversationEvents;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What one consumed batch changes, gathered in memory and written in a few statements by {@link ProjectionStore}: the
 * conversations it touched (loaded first), its reporting events, each tag's final presence, each agent's latest
 * availability.
 */
public final class ProjectionBatch {
    public record TagKey(UUID conversationId, String tag) {}

    private final Map<UUID, ConversationState> conversations;
    private final List<ReportingEvent> events = new ArrayList<>();
    private final Map<TagKey, Boolean> tags = new LinkedHashMap<>();
    private final Map<String, ConversationEvents.AgentAvailabilityChanged> presence = new LinkedHashMap<>();
    private final Set<UUID> answered = new LinkedHashSet<>();
    private final Set<UUID> reopened = new LinkedHashSet<>();

    public ProjectionBatch(Map<UUID, ConversationState> loaded) {
        this.conversations = new LinkedHashMap<>(loaded);
    }

    ConversationState conversation(UUID id) {
        return conversations.get(id);
    }

    void put(ConversationState state) {
        conversations.put(state.conversationId, state);
    }

    void add(ReportingEvent event) {
        events.add(event);
    }

    void tag(UUID conversationId, String tag, boolean present) {
        tags.put(new TagKey(conversationId, tag), present);
    }

    /** The conversation has its first response: its conversation_opened event counts as answered. */
    void answered(UUID conversationId) {
        answered.add(conversationId);
    }

    /** Reopened: none of its resolutions is a first-contact resolution any more. */
    void reopened(UUID conversationId) {
        reopened.add(conversationId);
    }

    void presence(ConversationEvents.AgentAvailabilityChanged change) {
        presence.merge(change.agent(), change, (old, now) -> now.at().isBefore(old.at()) ? old : now);
    }

    public Collection<ConversationState> conversations() {
        return conversations.values();
    }

    public List<ReportingEvent> events() {
        return events;
    }

    public Map<TagKey, Boolean> tags() {
        return tags;
    }

    public Set<UUID> answered() {
        return answered;
    }

    public Set<UUID> reopened() {
        return reopened;
    }

    public Collection<ConversationEvents.AgentAvailabilityChanged> presence() {
        return presence.values();
    }
}
