package io.parley.ingest.intake;

import io.parley.reactive.SerialRounds;
import io.parley.tracing.TraceParent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Puts accepted events on Kafka after their webhooks were answered. The claim rows are the outbox (V5 migration): a
 * round reads the claims behind the cursor, sends them, and moves the cursor past what the broker acknowledged, all in
 * one transaction under an advisory lock, so two instances never relay the same claims in parallel or out of order.
 * Intake wakes the relay after every claim, and a round lingers a few milliseconds before it reads so that wake-ups
 * meanwhile share it; a poll picks up what a crash, an outage or another instance left.
 *
 * <p>A crash between the broker's acknowledgement and the cursor's commit sends those events again on the next round;
 * they keep their event ids, which consumers deduplicate by.
 */
@ApplicationScoped
public class IntakeRelay {
    private static final Logger LOG = Logger.getLogger(IntakeRelay.class);

    /** The advisory lock the relays of all instances take turns under ("parley intake relay"). */
    static final long TURN = 0x7061726c6579_01L;

    /**
     * Only claims of transactions older than every running one: an intake statement that got its transaction id
     * earlier but commits later than its neighbours would otherwise be passed by the cursor and never relayed. The
     * cursor is compared as scalar subqueries so that it bounds the index scan; joined to the claims, the planner
     * scanned the whole index and filtered (330 ms at 160,000 claims).
     */
    private static final String TAKE_TURN_AND_READ = """
            with turn as materialized (select pg_try_advisory_xact_lock($1) as ours),
                 cursor as materialized (select relayed_tx, relayed_seq from intake_relay where id = 1)
            select m.relay_tx, m.relay_seq, m.kafka_key, m.event, m.trace_parent
            from received_message m
            where (select ours from turn)
              and (m.relay_tx, m.relay_seq) > ((select relayed_tx from cursor), (select relayed_seq from cursor))
              and m.relay_tx < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
            order by m.relay_tx, m.relay_seq
            limit $2
            """;

    private static final String MOVE_CURSOR = "update intake_relay set relayed_tx = $1, relayed_seq = $2 where id = 1";

    private final Pool pool;
    private final Vertx vertx;
    private final InboundEventPublisher publisher;
    private final int batchSize;
    private final long lingerMillis;
    private final SerialRounds rounds = new SerialRounds(this::round);
    /**
     * After a failed send, rounds send one event until one gets through. A broker that is away fails a whole round's
     * sends only when they expire, and one that comes back meanwhile may take the later sends of a round whose earlier
     * ones already expired: resent from the failure on, those would reach the topic twice and out of order (seen in
     * KafkaOutageTest). One event at a time while the broker is away leaves nothing to be taken out of turn.
     */
    private volatile boolean probing;

    public IntakeRelay(
            Pool pool,
            Vertx vertx,
            InboundEventPublisher publisher,
            @ConfigProperty(name = "parley.intake.relay-batch-size") int batchSize,
            @ConfigProperty(name = "parley.intake.relay-linger") Duration linger) {
        this.pool = pool;
        this.vertx = vertx;
        this.publisher = publisher;
        this.batchSize = batchSize;
        this.lingerMillis = linger.toMillis();
    }

    /** Relays soon, without making the caller wait; a round already running takes one more turn instead. */
    public void wake() {
        if (!rounds.askRunning()) {
            relay().subscribe().with(ignored -> {});
        }
    }

    @Scheduled(
            every = "${parley.intake.relay-poll-interval}",
            delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return relay();
    }

    /** A failed round leaves its claims behind the cursor for the next wake-up or poll: nothing to hand back. */
    private Uni<Void> relay() {
        return rounds.request()
                .onFailure()
                .invoke(failure -> LOG.warnf("intake relay will retry: %s", failure.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    private record Claim(long tx, long seq, String kafkaKey, String event, TraceParent trace) {}

    /** Wake-ups while a round lingers cost nothing: they only ask the running rounds for one more. */
    private Uni<SerialRounds.Round> round() {
        if (lingerMillis <= 0) {
            return read();
        }
        return Uni.createFrom()
                .<Long>emitter(timer -> vertx.setTimer(lingerMillis, timer::complete))
                .flatMap(fired -> read());
    }

    private Uni<SerialRounds.Round> read() {
        return pool.withTransaction(connection -> connection
                .preparedQuery(TAKE_TURN_AND_READ)
                .execute(Tuple.of(TURN, probing ? 1 : batchSize))
                .flatMap(rows -> {
                    List<Claim> claims = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        claims.add(new Claim(
                                row.getLong(0),
                                row.getLong(1),
                                row.getString(2),
                                row.getString(3),
                                TraceParent.ofNullable(row.getString(4))));
                    }
                    return claims.isEmpty()
                            ? Uni.createFrom().item(new SerialRounds.Round(0, false))
                            : send(connection, claims);
                }));
    }

    /**
     * Sends in cursor order without waiting between sends (the idempotent producer keeps their order per partition),
     * then moves the cursor to the end of the acknowledged prefix: what follows a failed send is sent again later, so
     * nothing is skipped, at the price of a possible repeat.
     */
    private Uni<SerialRounds.Round> send(SqlConnection connection, List<Claim> claims) {
        // Subscribed in list order, so the records go to the producer in cursor order.
        // A claim erased before it was relayed (ArchiveErasure) has no event left to send: it counts as sent.
        List<Uni<Boolean>> sends = claims.stream()
                .map(claim -> claim.event() == null
                        ? Uni.createFrom().item(Boolean.TRUE)
                        : publisher
                                .send(claim.kafkaKey(), claim.event(), claim.trace())
                                .replaceWith(Boolean.TRUE)
                                .onFailure()
                                .recoverWithItem(failure -> {
                                    LOG.debugf("relay send failed: %s", failure.getMessage());
                                    return Boolean.FALSE;
                                }))
                .toList();
        return Uni.join().all(sends).andCollectFailures().flatMap(acknowledged -> {
            int prefix = acknowledged.indexOf(Boolean.FALSE);
            int relayed = prefix < 0 ? claims.size() : prefix;
            if (relayed < claims.size()) {
                LOG.warnf(
                        "intake relay: Kafka did not take %d of %d events; they stay queued",
                        claims.size() - relayed, claims.size());
            }
            boolean wasProbing = probing;
            probing = relayed < claims.size();
            if (relayed == 0) {
                return Uni.createFrom().item(new SerialRounds.Round(0, false));
            }
            Claim last = claims.get(relayed - 1);
            return connection
                    .preparedQuery(MOVE_CURSOR)
                    .execute(Tuple.of(last.tx(), last.seq()))
                    // A probe that got through, or a full batch: more may be waiting.
                    .replaceWith(new SerialRounds.Round(relayed, !probing && (wasProbing || relayed == batchSize)));
        });
    }
}
