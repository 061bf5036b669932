package io.parley.metrics.report;

import io.parley.metrics.rollup.RollupSql;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A report query's rows as they come, through a cursor (fetch rows at a time) in a read-only transaction of its own
 * connection, so an export of any size never sits in memory; the connection goes back to the pool when the stream ends
 * or the client goes away.
 *
 * <p>The transaction gives the query room to sort in memory ({@link ReportsConfig#workMem()}; at PostgreSQL's 4 MB
 * default the percentiles of a long range spilled to disk) and turns off PostgreSQL's JIT compilation, which cost a
 * report more than it saved (bench/reports, docs/benchmarks.md).
 */
@ApplicationScoped
class RowStreams {
    private static final int FETCH = 500;

    private final Pool pool;
    private final String settings;

    RowStreams(Pool pool, ReportsConfig config) {
        this.pool = pool;
        this.settings = RollupSql.settings(config);
    }

    Multi<Row> of(String sql, Tuple params) {
        return pool.getConnection()
                .toMulti()
                .flatMap(connection -> connection
                        .begin()
                        .toMulti()
                        .flatMap(tx -> connection
                                .query(settings)
                                .execute()
                                .toMulti()
                                .flatMap(set -> connection.prepare(sql).toMulti())
                                .flatMap(statement ->
                                        statement.createStream(FETCH, params).toMulti()))
                        .onTermination()
                        .call(connection::close));
    }
}
