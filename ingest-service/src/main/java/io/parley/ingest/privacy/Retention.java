package io.parley.ingest.privacy;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Deletes what is older than its retention period ({@link RetentionConfig}): archived webhook requests (the archive's
 * trigger lets exactly this transaction delete, by its {@code parley.archive_purge} setting) and relayed dedup keys
 * with their events. Replays cannot reach further back than the archive is kept.
 */
@ApplicationScoped
public class Retention {
    private static final Logger LOG = Logger.getLogger(Retention.class);
    static final Duration SHORTEST_DEDUP = Duration.ofDays(2);

    private static final String PURGE_ARCHIVE =
            "delete from webhook_delivery where id in (select id from webhook_delivery where received_at < $1 limit $2)";
    private static final String PURGE_DEDUP_KEYS = """
            delete from received_message where ctid in (
                select m.ctid from received_message m, intake_relay r
                where r.id = 1 and m.received_at < $1
                  and (m.relay_tx is null or (m.relay_tx, m.relay_seq) <= (r.relayed_tx, r.relayed_seq))
                limit $2)
            """;

    private final Pool pool;
    private final RetentionConfig config;

    public Retention(Pool pool, RetentionConfig config) {
        if (config.dedupKeys().compareTo(SHORTEST_DEDUP) < 0) {
            throw new IllegalStateException("parley.retention.dedup-keys must be at least " + SHORTEST_DEDUP);
        }
        this.pool = pool;
        this.config = config;
    }

    public record Purged(long deliveries, long dedupKeys) {}

    @Scheduled(
            every = "${parley.retention.check-interval:1h}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return purge(Instant.now())
                .invoke(purged -> {
                    if (purged.deliveries() + purged.dedupKeys() > 0) {
                        LOG.infof(
                                "retention: deleted %d archived requests and %d dedup keys",
                                purged.deliveries(), purged.dedupKeys());
                    }
                })
                .onFailure()
                .invoke(failure -> LOG.warnf("retention purge failed: %s", failure.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** Everything older than its period as of {@code now}, batch by batch. */
    public Uni<Purged> purge(Instant now) {
        return purgeArchive(now.minus(config.archive()), 0)
                .flatMap(deliveries ->
                        purgeDedupKeys(now.minus(config.dedupKeys()), 0).map(keys -> new Purged(deliveries, keys)));
    }

    private Uni<Long> purgeArchive(Instant before, long done) {
        return pool.withTransaction(connection -> connection
                        .query("set local parley.archive_purge = 'on'")
                        .execute()
                        .flatMap(set -> connection
                                .preparedQuery(PURGE_ARCHIVE)
                                .execute(Tuple.of(before.atOffset(ZoneOffset.UTC), config.batchSize()))))
                .flatMap(result -> result.rowCount() < config.batchSize()
                        ? Uni.createFrom().item(done + result.rowCount())
                        : purgeArchive(before, done + result.rowCount()));
    }

    private Uni<Long> purgeDedupKeys(Instant before, long done) {
        return pool.preparedQuery(PURGE_DEDUP_KEYS)
                .execute(Tuple.of(before.atOffset(ZoneOffset.UTC), config.batchSize()))
                .flatMap(result -> result.rowCount() < config.batchSize()
                        ? Uni.createFrom().item(done + result.rowCount())
                        : purgeDedupKeys(before, done + result.rowCount()));
    }
}
