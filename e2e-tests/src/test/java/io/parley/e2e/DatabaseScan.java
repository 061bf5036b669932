package io.parley.e2e;

import io.parley.stack.PostgresNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads every row of every table of a service's database as text (binary columns decoded, escaping what is not
 * ASCII), to prove something is nowhere in it.
 */
final class DatabaseScan {
    private DatabaseScan() {}

    /** "database.table: row" for each row that contains any of {@code needles}. */
    static List<String> find(int postgresPort, String database, List<String> needles) throws SQLException {
        List<String> found = new ArrayList<>();
        String url = "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database;
        try (Connection db = DriverManager.getConnection(url, PostgresNode.USER, "")) {
            for (String table : tables(db)) {
                String sql = "select " + String.join(" || '|' || ", columns(db, table)) + " from " + table;
                try (ResultSet rows = db.createStatement().executeQuery(sql)) {
                    while (rows.next()) {
                        String row = rows.getString(1);
                        if (row != null && needles.stream().anyMatch(row::contains)) {
                            found.add(database + "." + table + ": " + row);
                        }
                    }
                }
            }
        }
        return found;
    }

    private static List<String> tables(Connection db) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = db.createStatement()
                .executeQuery("select table_name from information_schema.tables where table_schema = 'public'"
                        + " and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static List<String> columns(Connection db, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rows = db.createStatement()
                .executeQuery("select column_name, data_type from information_schema.columns where table_schema ="
                        + " 'public' and table_name = '" + table + "'")) {
            while (rows.next()) {
                String column = '"' + rows.getString(1) + '"';
                columns.add(
                        "bytea".equals(rows.getString(2))
                                ? "coalesce(encode(" + column + ", 'escape'), '')"
                                : "coalesce(" + column + "::text, '')");
            }
        }
        return columns;
    }
}
