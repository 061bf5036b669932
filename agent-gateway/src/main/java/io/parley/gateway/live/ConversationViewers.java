package io.parley.gateway.live;

import io.parley.contracts.AgentActivity;
import io.parley.contracts.EventCodec;
import io.parley.contracts.EventCodec.MalformedEventException;
import io.parley.contracts.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Who is viewing or typing in which conversation, as every replica learns it from the agent activity topic. Viewing
 * lasts {@link #VIEWING} unless the agent's app says so again (it does every 15 s while the conversation is open),
 * typing {@link #TYPING}; leaving ends both.
 */
@ApplicationScoped
public class ConversationViewers {
    private static final Logger LOG = Logger.getLogger(ConversationViewers.class);
    static final Duration VIEWING = Duration.ofSeconds(45);
    static final Duration TYPING = Duration.ofSeconds(8);

    private final Map<UUID, Map<String, Presence>> byConversation = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    /** @param typing whether they were typing a moment ago */
    public record Viewer(String agent, String name, boolean typing, Instant until, Instant typingUntil) {}

    /** What is kept of an agent in a conversation; whether they type is read off {@code typingUntil} when asked. */
    private record Presence(String agent, String name, Instant until, Instant typingUntil) {}

    /** Takes in one activity record; the live event for the agents who may see it, or null if it is not one. */
    LiveEvent record(String value) {
        try {
            EventEnvelope envelope = EventCodec.decode(value);
            AgentActivity activity = EventCodec.payload(envelope, AgentActivity.class);
            if (activity.conversationId() == null || activity.agent() == null) {
                return null;
            }
            apply(activity);
            Set<String> agents = new HashSet<>();
            agents.add(activity.agent());
            if (activity.assignee() != null) {
                agents.add(activity.assignee());
            }
            Set<String> teams = activity.team() == null ? Set.of() : Set.of(activity.team());
            return new LiveEvent(null, envelope.type(), value, new LiveAudience(false, teams, Set.copyOf(agents)));
        } catch (MalformedEventException e) {
            LOG.warnf("agent activity: skipped a record (%s)", e.getMessage());
            return null;
        }
    }

    public List<Viewer> of(UUID conversationId) {
        Instant now = clock.instant();
        Map<String, Presence> viewers = byConversation.get(conversationId);
        if (viewers == null) {
            return List.of();
        }
        List<Viewer> current = new ArrayList<>();
        for (Presence viewer : viewers.values()) {
            if (!viewer.until().isAfter(now)) {
                continue;
            }
            boolean typing =
                    viewer.typingUntil() != null && viewer.typingUntil().isAfter(now);
            current.add(new Viewer(viewer.agent(), viewer.name(), typing, viewer.until(), viewer.typingUntil()));
        }
        current.sort(Comparator.comparing(Viewer::agent));
        return current;
    }

    private void apply(AgentActivity activity) {
        Instant now = clock.instant();
        Map<String, Presence> viewers =
                byConversation.computeIfAbsent(activity.conversationId(), id -> new ConcurrentHashMap<>());
        if (AgentActivity.LEFT.equals(activity.kind())) {
            viewers.remove(activity.agent());
        } else {
            Presence before = viewers.get(activity.agent());
            Instant typingUntil = AgentActivity.TYPING.equals(activity.kind())
                    ? now.plus(TYPING)
                    : before == null ? null : before.typingUntil();
            viewers.put(
                    activity.agent(), new Presence(activity.agent(), activity.name(), now.plus(VIEWING), typingUntil));
        }
    }

    /**
     * Forgets viewers whose time ran out and conversations nobody looks at any more, so the map stays as small as what
     * is open. Called by the feed now and then ({@link LiveConfig#heartbeat()}), not on every activity.
     */
    void forgetExpired(Instant now) {
        byConversation.entrySet().removeIf(entry -> {
            entry.getValue().values().removeIf(viewer -> !viewer.until().isAfter(now));
            return entry.getValue().isEmpty();
        });
    }
}
