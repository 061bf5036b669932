package io.parley.metrics.rollup;

/**
 * How the rollups know which reporting events are in for good. Every transaction that appends reporting events holds
 * this PostgreSQL advisory lock shared until it ends; the refresher takes it exclusively for the moment it reads the
 * highest seq. Since seq is drawn at insert, under the shared lock, every row up to that seq is then committed, and
 * every row drawn later has a higher one: summing the seqs above a zone's rolled_up_to, up to that seq, misses and
 * repeats nothing.
 */
public final class RollupLock {
    private static final String KEY = "hashtext('parley.reporting_event')";

    /** A writer's first statement in its transaction. */
    public static final String WRITER = "select pg_advisory_xact_lock_shared(" + KEY + ")";

    /** The refresher's, in a transaction of its own that reads the highest seq and ends. */
    static final String REFRESHER = "select pg_advisory_xact_lock(" + KEY + ")";

    private RollupLock() {}
}
