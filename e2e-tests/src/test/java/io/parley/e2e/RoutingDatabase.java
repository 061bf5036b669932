package io.parley.e2e;

import io.parley.stack.PostgresNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads (and, to stage an outage, edits) a service's database directly, for e2e assertions: routing's unless named. */
final class RoutingDatabase {
    private final PostgresNode postgres;
    private final String name;

    RoutingDatabase(PostgresNode postgres) {
        this(postgres, "routing");
    }

    RoutingDatabase(PostgresNode postgres, String name) {
        this.postgres = postgres;
        this.name = name;
    }

    /** The first column of the first row, or null when there is none. */
    String text(String sql) throws SQLException {
        List<String> column = column(sql);
        return column.isEmpty() ? null : column.get(0);
    }

    long count(String sql) throws SQLException {
        return Long.parseLong(text(sql));
    }

    List<String> column(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection db = connect();
                ResultSet rows = db.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    void execute(String sql) throws SQLException {
        try (Connection db = connect()) {
            db.createStatement().executeUpdate(sql);
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(name), PostgresNode.USER, "");
    }
}
