package io.seatguard.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statements queued for one write run in order and report their own counts, on both engines; on PostgreSQL in one exchange. */
class PipelinedWritesTest {
    private static final String INSERT = "INSERT INTO numbers (n, label) VALUES (?, ?) ON CONFLICT (n) DO NOTHING";
    private static final String RELABEL = "UPDATE numbers SET label = ? WHERE n >= ?";

    @TempDir
    Path dataDir;

    @Test
    void countsAndOrderOnSqlite() throws SQLException {
        EngineConnections.onSqlite(dataDir.resolve("pipelined.db"), connection -> {
            countsAndOrder(connection, DatabaseKind.SQLITE);
        });
    }

    @Test
    void countsAndOrderOnPostgres() throws SQLException {
        EngineConnections.onPostgres(connection -> {
            countsAndOrder(connection, DatabaseKind.POSTGRESQL);
        });
    }

    /** On SQLite a count is there at once; on PostgreSQL only after the flush, which sends what was queued. */
    @Test
    void onPostgresNothingRunsUntilTheFlush() throws SQLException {
        EngineConnections.onPostgres(connection -> {
            createNumbers(connection);
            PipelinedWrites writes = new PipelinedWrites(connection, DatabaseKind.POSTGRESQL);
            UpdateCount count = writes.update(INSERT, 1L, "one");
            assertThrows(IllegalStateException.class, count::get);
            assertEquals(List.of(), labels(connection));
            writes.flush();
            assertEquals(1, count.get());
            assertEquals(List.of("one"), labels(connection));
        });
        EngineConnections.onSqlite(dataDir.resolve("at-once.db"), connection -> {
            createNumbers(connection);
            assertEquals(1, new PipelinedWrites(connection, DatabaseKind.SQLITE).update(INSERT, 1L, "one").get());
        });
    }

    /**
     * In auto-commit mode PostgreSQL runs the statements of one exchange in one implicit transaction, so a
     * column set to the transaction's start time is the same in each row; sent one by one, with a pause in
     * the first, it would not be.
     */
    @Test
    void onPostgresAFlushIsOneExchange() throws SQLException {
        EngineConnections.onPostgres(connection -> {
            createNumbers(connection);
            String stamped = "INSERT INTO numbers (n, label) SELECT ?, CAST(transaction_timestamp() AS text) FROM pg_sleep(CAST(? AS double precision))";
            PipelinedWrites writes = new PipelinedWrites(connection, DatabaseKind.POSTGRESQL);
            writes.update(stamped, 1L, "0.02");
            writes.update(stamped, 2L, "0");
            writes.flush();
            assertEquals(1, labels(connection).stream().distinct().count(), labels(connection).toString());
            // The control: flushed one at a time, two transactions.
            writes.update(stamped, 3L, "0.02");
            writes.flush();
            writes.update(stamped, 4L, "0");
            writes.flush();
            List<String> started = labels(connection);
            assertNotEquals(started.get(2), started.get(3), started.toString());
        });
    }

    /** On either engine, before anything runs: SQLite's driver would otherwise run the first part alone. */
    @Test
    void aStatementWithItsOwnSeparatorIsRefused() throws SQLException {
        EngineConnections.onSqlite(dataDir.resolve("refused.db"), connection -> {
            createNumbers(connection);
            for (DatabaseKind kind : DatabaseKind.values()) {
                PipelinedWrites writes = new PipelinedWrites(connection, kind);
                assertThrows(IllegalArgumentException.class, () -> writes.update("INSERT INTO numbers (n) VALUES (1); DELETE FROM numbers"), kind.name());
            }
            assertEquals(List.of(), labels(connection), "nothing ran");
        });
    }

    private static void countsAndOrder(Connection connection, DatabaseKind kind) throws SQLException {
        createNumbers(connection);
        for (int run = 0; run < 6; run++) { // the same texts again, as the writer runs them: cached and, on PostgreSQL, server-prepared
            try (Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM numbers");
            }
            PipelinedWrites writes = new PipelinedWrites(connection, kind);
            UpdateCount first = writes.update(INSERT, 1L, "one");
            UpdateCount again = writes.update(INSERT, 1L, "uno");
            UpdateCount unlabelled = writes.update(INSERT, 2L, null);
            UpdateCount third = writes.update(INSERT, 3L, "three");
            // Runs after the inserts above, so it sees rows 2 and 3.
            UpdateCount relabelled = writes.update(RELABEL, "many", 2L);
            UpdateCount none = writes.update(RELABEL, "none", 9L);
            writes.flush();
            assertEquals(List.of(1, 0, 1, 1, 2, 0), List.of(first.get(), again.get(), unlabelled.get(), third.get(), relabelled.get(), none.get()));
            assertEquals(List.of("one", "many", "many"), labels(connection));
            writes.flush(); // nothing queued: nothing sent
        }
    }

    private static void createNumbers(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE numbers (n BIGINT PRIMARY KEY, label TEXT)");
        }
    }

    private static List<String> labels(Connection connection) throws SQLException {
        return JdbcRunner.queryList(connection, "SELECT label FROM numbers ORDER BY n", row -> row.getString(1));
    }
}
