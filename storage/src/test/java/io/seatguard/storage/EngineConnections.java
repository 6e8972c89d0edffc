package io.seatguard.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A plain connection to each engine, for tests of the JDBC helpers below the stores: a SQLite file, or a fresh PostgreSQL database. */
final class EngineConnections {
    @FunctionalInterface
    interface Body {
        void run(Connection connection) throws SQLException;
    }

    private EngineConnections() {}

    static void onSqlite(Path file, Body body) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            body.run(connection);
        }
    }

    static void onPostgres(Body body) throws SQLException {
        try (PostgresTestDatabase postgres = PostgresTestDatabase.create(); Connection connection = DriverManager.getConnection(postgres.url())) {
            body.run(connection);
        }
    }
}
