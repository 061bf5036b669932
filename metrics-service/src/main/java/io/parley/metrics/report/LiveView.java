package io.parley.metrics.report;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a supervisor watches on a wall screen: each team's conversations and agents right now (docs/metrics.md). */
@ApplicationScoped
public class LiveView {
    public record Team(
            String team,
            long open,
            long pending,
            long snoozed,
            long unassigned,
            long unattended,
            long waitingInQueue,
            Long oldestWaitingSeconds,
            long agentsOnline,
            long agentsAway) {}

    public record Live(Instant at, List<Team> teams) {}

    private static final String CONVERSATIONS = "select coalesce(team, '') as team,"
            + " count(*) filter (where status = 'open') as open,"
            + " count(*) filter (where status = 'pending') as pending,"
            + " count(*) filter (where status = 'snoozed') as snoozed,"
            + " count(*) filter (where status = 'open' and assignee is null) as unassigned,"
            + " count(*) filter (where status = 'open' and first_reply_at is null) as unattended,"
            + " count(*) filter (where status = 'open' and assignee is null and queued_since is not null) as waiting,"
            + " min(queued_since) filter (where status = 'open' and assignee is null) as oldest"
            + " from report_conversation where status <> 'resolved' and ($1::text[] is null or team = any($1))"
            + " group by 1";

    private static final String AGENTS = "select t.team,"
            + " count(*) filter (where p.availability = 'online') as online,"
            + " count(*) filter (where p.availability = 'away') as away"
            + " from agent_presence p cross join lateral unnest(p.teams) as t(team)"
            + " where ($1::text[] is null or t.team = any($1)) group by t.team";

    private final Pool pool;
    private final Clock clock;

    public LiveView(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<Live> now(ReportScope scope) {
        Tuple teams = Tuple.of(scope.teams().isEmpty() ? null : scope.teams().toArray(String[]::new));
        Instant now = clock.instant();
        return pool.preparedQuery(CONVERSATIONS)
                .execute(teams)
                .flatMap(conversations -> pool.preparedQuery(AGENTS)
                        .execute(teams)
                        .map(agents -> {
                            Map<String, long[]> presence = new TreeMap<>();
                            for (Row row : agents) {
                                presence.put(
                                        row.getString("team"), new long[] {row.getLong("online"), row.getLong("away")});
                            }
                            Map<String, Team> byTeam = new TreeMap<>();
                            for (Row row : conversations) {
                                String team = row.getString("team");
                                long[] agentsOf = presence.getOrDefault(team, new long[2]);
                                OffsetDateTime oldest = row.getOffsetDateTime("oldest");
                                byTeam.put(
                                        team,
                                        new Team(
                                                team,
                                                row.getLong("open"),
                                                row.getLong("pending"),
                                                row.getLong("snoozed"),
                                                row.getLong("unassigned"),
                                                row.getLong("unattended"),
                                                row.getLong("waiting"),
                                                oldest == null
                                                        ? null
                                                        : Math.max(
                                                                0,
                                                                Duration.between(oldest.toInstant(), now)
                                                                        .toSeconds()),
                                                agentsOf[0],
                                                agentsOf[1]));
                            }
                            presence.forEach((team, agentsOf) -> byTeam.computeIfAbsent(
                                    team, t -> new Team(t, 0, 0, 0, 0, 0, 0, null, agentsOf[0], agentsOf[1])));
                            return new Live(now, new ArrayList<>(byTeam.values()));
                        }));
    }
}
