package io.parley.persistence;

import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Keeps a native select of fixed text out of Hibernate's query plan cache. Hibernate Reactive wraps each native
 * query's result mapping in an object of its own without {@code equals}, so the plan cache key of a native select
 * never matches the one before: every execution added an entry under the same hash (the text's), and the lookups of
 * the next executions walked all of them (~3 % of routing's CPU in JFR, docs/benchmarks.md) while the entries took
 * room from the HQL plans in the bounded cache. Hibernate does not cache plans of queries with a list parameter, so
 * such a statement carries {@link #CONDITION} and is bound with {@link #bind}; planning it afresh costs less than the
 * lookup did.
 */
public final class PlanCacheBypass {
    private PlanCacheBypass() {}

    /** Always true; AND it into the statement's WHERE clause. */
    public static final String CONDITION = "1 in (:planCacheBypass)";

    public static <R> Mutiny.SelectionQuery<R> bind(Mutiny.SelectionQuery<R> query) {
        return query.setParameter("planCacheBypass", List.of(1));
    }
}
