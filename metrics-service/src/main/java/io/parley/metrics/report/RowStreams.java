package io.parley.metrics.report;

import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A query's rows as they come, through a cursor (fetch rows at a time) in a read-only transaction of its own connection,
 * so an export of any size never sits in memory; the connection goes back to the pool when the stream ends or the
 * client goes away.
 */
final class RowStreams {
    private static final int FETCH = 500;

    private RowStreams() {}

    static Multi<Row> of(Pool pool, String sql, Tuple params) {
        return pool.getConnection()
                .toMulti()
                .flatMap(connection -> connection
                        .begin()
                        .toMulti()
                        .flatMap(tx -> connection
                                .prepare(sql)
                                .toMulti()
                                .flatMap(statement ->
                                        statement.createStream(FETCH, params).toMulti()))
                        .onTermination()
                        .call(connection::close));
    }
}
