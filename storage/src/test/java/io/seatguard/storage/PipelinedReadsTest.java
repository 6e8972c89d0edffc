package io.seatguard.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads sent together give each read its own rows, in order, on both engines; on PostgreSQL in one exchange. */
class PipelinedReadsTest {
    private static final String ROWS_FROM = "SELECT n FROM numbers WHERE n >= ? ORDER BY n";
    private static final String ONE_ROW = "SELECT n * 10 FROM numbers WHERE n = ?";

    @TempDir
    Path dataDir;

    @Test
    void eachReadGetsItsOwnRowsInOrderOnSqlite() throws SQLException {
        EngineConnections.onSqlite(dataDir.resolve("pipelined.db"), connection -> {
            eachReadGetsItsOwnRowsInOrder(connection, DatabaseKind.SQLITE);
        });
    }

    @Test
    void eachReadGetsItsOwnRowsInOrderOnPostgres() throws SQLException {
        EngineConnections.onPostgres(connection -> {
            eachReadGetsItsOwnRowsInOrder(connection, DatabaseKind.POSTGRESQL);
        });
    }

    /**
     * PostgreSQL runs the statements of one exchange (up to its one sync) in one implicit transaction, so
     * they share its start time; sent one by one, with a pause in the first, they would not.
     */
    @Test
    void onPostgresTheReadsAreOneExchange() throws SQLException {
        EngineConnections.onPostgres(connection -> {
            String started = "SELECT CAST(transaction_timestamp() AS text) FROM pg_sleep(CAST(? AS double precision))";
            for (int run = 0; run < 6; run++) { // past the driver's threshold for server-side prepared statements
                PipelinedReads reads = new PipelinedReads(DatabaseKind.POSTGRESQL);
                PipelinedReads.Result<Optional<String>> first = reads.one(started, row -> row.getString(1), "0.02");
                PipelinedReads.Result<Optional<String>> second = reads.one(started, row -> row.getString(1), "0");
                reads.run(connection);
                assertEquals(first.get(), second.get(), "run " + run);
            }
            // The control: the same statement on its own twice starts two transactions.
            Optional<String> alone = JdbcRunner.queryOne(connection, started, row -> row.getString(1), "0.02");
            assertNotEquals(alone, JdbcRunner.queryOne(connection, started, row -> row.getString(1), "0"));
        });
    }

    @Test
    void aResultIsReadableOnlyAfterTheRunAndAStatementWithItsOwnSeparatorIsRefused() throws SQLException {
        PipelinedReads reads = new PipelinedReads(DatabaseKind.POSTGRESQL);
        PipelinedReads.Result<Optional<Integer>> result = reads.one("SELECT 1", row -> row.getInt(1));
        assertThrows(IllegalStateException.class, result::get);
        assertThrows(IllegalArgumentException.class, () -> reads.one("SELECT 1; SELECT 2", row -> row.getInt(1)));
    }

    private static void eachReadGetsItsOwnRowsInOrder(Connection connection, DatabaseKind kind) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE numbers (n BIGINT PRIMARY KEY, label TEXT)");
            statement.execute("INSERT INTO numbers (n, label) VALUES (1, 'one'), (2, NULL), (3, 'three'), (4, 'four')");
        }
        for (int run = 0; run < 6; run++) { // the same text again, as the evaluate path runs it: cached and, on PostgreSQL, server-prepared
            PipelinedReads reads = new PipelinedReads(kind);
            PipelinedReads.Result<List<Long>> fromThree = reads.list(ROWS_FROM, row -> row.getLong(1), 3L);
            PipelinedReads.Result<Optional<Long>> two = reads.one(ONE_ROW, row -> row.getLong(1), 2L);
            PipelinedReads.Result<Optional<Long>> missing = reads.one(ONE_ROW, row -> row.getLong(1), 9L);
            PipelinedReads.Result<List<Long>> none = reads.list(ROWS_FROM, row -> row.getLong(1), 5L);
            // A NULL parameter is bound as SQL NULL (the engine infers its type) and matches nothing.
            PipelinedReads.Result<List<String>> nullLabel = reads.list("SELECT label FROM numbers WHERE label = ?", row -> row.getString(1),
                    (Object) null);
            reads.run(connection);
            assertEquals(List.of(3L, 4L), fromThree.get());
            assertEquals(Optional.of(20L), two.get());
            assertEquals(Optional.empty(), missing.get());
            assertEquals(List.of(), none.get());
            assertEquals(List.of(), nullLabel.get());
            assertThrows(IllegalStateException.class, () -> reads.run(connection), "a batch runs once");
        }
    }
}
