package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration that must wait for a lock another session holds gives up after {@link MigrationLocks#WAIT}
 * with a message saying so, leaves nothing of itself applied, and runs at the next start once the lock is
 * gone (docs/production.md, "Upgrading"). On PostgreSQL an {@code ALTER TABLE} waiting for its lock queues
 * every later query on the table behind it, so without a bound one long report stalled the service.
 */
class MigrationLockWaitTest {
    /**
     * Generous above the wait itself: a slow machine, Flyway's own start (a whole fresh migration took 12 s
     * under a loaded review machine's load). Without the bound the start waits for the holder: for ever here.
     */
    private static final Duration BOUND = MigrationLocks.WAIT.plusSeconds(25);

    @Test
    void aPostgresMigrationBlockedByALockGivesUpWithinTheBoundAndRunsOnceTheLockIsGone(@TempDir Path dataDir) throws Exception {
        try (PostgresTestDatabase postgres = PostgresTestDatabase.create()) {
            SqlDatabase.open(StorageSettings.of(postgres.url(), dataDir)).close();
            rewindV45(postgres.url());
            try (Connection holder = DriverManager.getConnection(postgres.url()); Statement statement = holder.createStatement()) {
                holder.setAutoCommit(false);
                // What a long report holds: enough to make ALTER TABLE wait.
                statement.execute("LOCK TABLE challenges IN ACCESS SHARE MODE");
                long started = System.nanoTime();
                assertThatThrownBy(() -> openWithin(StorageSettings.of(postgres.url(), dataDir)))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("migration V45")
                        .hasMessageContaining("waited " + MigrationLocks.WAIT.toSeconds() + " s for a lock")
                        .hasMessageContaining("challenges")
                        .hasMessageContaining("nothing of it was applied");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND);
                holder.rollback();
            }
            try (Connection raw = DriverManager.getConnection(postgres.url())) {
                assertThat(hasReplacedCodes(raw)).as("V45 rolled back").isFalse();
                assertThat(v45Recorded(raw)).as("no history row, failed or not, for V45").isFalse();
            }
            try (SqlDatabase database = SqlDatabase.open(StorageSettings.of(postgres.url(), dataDir))) {
                database.read(connection -> {
                    assertThat(hasReplacedCodes(connection)).isTrue();
                    assertThat(v45Recorded(connection)).isTrue();
                    return null;
                });
            }
        }
    }

    /**
     * Ordinary traffic must not inherit the migration's lock timeout: a request's read waits behind a lock
     * as long as its own limits allow, as before.
     */
    @Test
    void onlyTheMigrationsConnectionsHaveTheLockTimeout(@TempDir Path dataDir) throws Exception {
        try (PostgresTestDatabase postgres = PostgresTestDatabase.create();
                SqlDatabase database = SqlDatabase.open(StorageSettings.of(postgres.url(), dataDir))) {
            String readsTimeout = database.read(connection -> {
                try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SHOW lock_timeout")) {
                    row.next();
                    return row.getString(1);
                }
            });
            assertThat(readsTimeout).isEqualTo("0");
        }
    }

    @Test
    void anEmbeddedMigrationBlockedByAnotherProcesssWriteGivesUpWithinTheBoundAndRunsOnceItEnds(@TempDir Path dataDir) throws Exception {
        SqlDatabase.open(StorageSettings.embedded(dataDir)).close();
        String url = "jdbc:sqlite:" + dataDir.resolve(StorageSettings.EMBEDDED_FILE_NAME);
        rewindV45(url);
        try (Connection holder = DriverManager.getConnection(url); Statement statement = holder.createStatement()) {
            // Another process's write in progress (a tool, the sqlite3 shell): the database's one write lock.
            statement.execute("BEGIN IMMEDIATE");
            long started = System.nanoTime();
            assertThatThrownBy(() -> openWithin(StorageSettings.embedded(dataDir)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("migration V45")
                    .hasMessageContaining("write lock held by another process")
                    .hasMessageContaining("challenges")
                    .hasMessageContaining("nothing of it was applied");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND);
            statement.execute("ROLLBACK");
        }
        try (Connection raw = DriverManager.getConnection(url)) {
            assertThat(hasReplacedCodes(raw)).as("V45 rolled back").isFalse();
            assertThat(v45Recorded(raw)).isFalse();
        }
        try (SqlDatabase database = SqlDatabase.open(StorageSettings.embedded(dataDir))) {
            database.read(connection -> {
                assertThat(hasReplacedCodes(connection)).isTrue();
                return null;
            });
        }
    }

    /**
     * Opens on another thread so that a start that never gives up fails the test instead of hanging it, and is
     * closed whenever it does open.
     */
    private static void openWithin(StorageSettings settings) throws Throwable {
        CompletableFuture<SqlDatabase> opening = CompletableFuture.supplyAsync(() -> SqlDatabase.open(settings));
        try {
            opening.get(BOUND.toSeconds() + 30, TimeUnit.SECONDS).close();
        }
        catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause();
        }
        catch (java.util.concurrent.TimeoutException e) {
            // The start goes on by itself once the test lets go of the lock: what it opens then is closed,
            // not left with its pools and writer running into the tests after this one.
            opening.thenAccept(SqlDatabase::close);
            throw e;
        }
    }

    /**
     * As StorageContract's rewind to V14 does for V45 and the migrations after it: the schema and history of
     * the release before V45, whose ALTER TABLE is the one that waits (V46 only creates a table).
     */
    private static void rewindV45(String url) throws SQLException {
        try (Connection raw = DriverManager.getConnection(url); Statement statement = raw.createStatement()) {
            statement.execute("DROP TABLE device_users");
            statement.execute("ALTER TABLE challenges DROP COLUMN replaced_codes");
            statement.execute("DELETE FROM flyway_schema_history WHERE version IN ('45', '46')");
        }
    }

    /** In the test's own schema: other tests' schemas in the shared database have the column. */
    private static boolean hasReplacedCodes(Connection connection) throws SQLException {
        try (ResultSet columns = connection.getMetaData().getColumns(null, connection.getSchema(), "challenges", "replaced_codes")) {
            return columns.next();
        }
    }

    private static boolean v45Recorded(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '45'")) {
            row.next();
            return row.getInt(1) > 0;
        }
    }
}
