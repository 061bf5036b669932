package io.parley.routing.assignment;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What routing reads of a team for every message (its calendar, overnight team and SLA policy), kept for two seconds:
 * read from the team row, it was one statement of the few each message costs. A change through this instance applies
 * at once ({@link #changed}, after its commit); other instances see it within two seconds, as with rules.
 */
@ApplicationScoped
public class TeamSettings {
    static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** A team's settings; every id may be null. */
    public record Settings(String businessHoursId, String overnightTeam, String slaPolicyId) {}

    private record Entry(Optional<Settings> settings, long readAtNanos) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** @return the team's settings, or null when there is no such team */
    public Uni<Settings> of(String teamId) {
        Entry entry = entries.get(teamId);
        if (entry != null && System.nanoTime() - entry.readAtNanos() < FRESH_NANOS) {
            return Uni.createFrom().item(entry.settings().orElse(null));
        }
        long readAt = System.nanoTime();
        return Team.<Team>findById(teamId).map(team -> {
            Optional<Settings> settings =
                    Optional.ofNullable(team).map(t -> new Settings(t.businessHoursId, t.overnightTeam, t.slaPolicyId));
            entries.put(teamId, new Entry(settings, readAt));
            return settings.orElse(null);
        });
    }

    /** Forgets what was read of the team: call once its change has committed. */
    public void changed(String teamId) {
        entries.remove(teamId);
    }
}
