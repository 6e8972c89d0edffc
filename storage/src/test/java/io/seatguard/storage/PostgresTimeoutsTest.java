package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.SeatguardException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long each kind of statement may wait for PostgreSQL (the real server) before giving up: a
 * request's reads and the writer's batches {@value SqlDatabase#REQUEST_SOCKET_TIMEOUT_SECONDS} s, so that a
 * silent database answers 503 instead of holding request threads for minutes; scans (backtests, the
 * dashboard's counts) far longer, on connections of their own. A statement that sleeps past the request
 * bound stands in for a database that stopped answering: the client's socket sees the same silence.
 */
class PostgresTimeoutsTest {
    /** Past the request bound, well within the scans'. */
    private static final int SLEEP_SECONDS = SqlDatabase.REQUEST_SOCKET_TIMEOUT_SECONDS + 3;

    @TempDir
    Path dataDir;

    @Test
    void requestReadsAndWritesGiveUpOnSilenceWhileScansWaitAndTheStoreServesAgain() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try (PostgresTestDatabase schema = PostgresTestDatabase.create();
                SqlDatabase database = SqlDatabase.open(StorageSettings.of(schema.url(), dataDir))) {
            long started = System.nanoTime();
            CompletableFuture<Duration> read = CompletableFuture.supplyAsync(() -> failsAfter(started, () -> database.read(SqlDatabaseSleep::sleep)), threads);
            CompletableFuture<Duration> write = CompletableFuture.supplyAsync(() -> failsAfter(started, () -> database.write(SqlDatabaseSleep::sleep)), threads);
            CompletableFuture<Integer> scan = CompletableFuture.supplyAsync(() -> database.scan(SqlDatabaseSleep::sleep), threads);

            Duration lowest = Duration.ofSeconds(SqlDatabase.REQUEST_SOCKET_TIMEOUT_SECONDS - 1);
            Duration highest = Duration.ofSeconds(SLEEP_SECONDS);
            assertThat(read.join()).as("a request's read gives up after the request bound").isBetween(lowest, highest);
            assertThat(write.join()).as("so does the writer's batch").isBetween(lowest, highest);
            assertThat(scan.join()).as("a scan waits for its answer").isEqualTo(1);

            // The broken connections were replaced: the next read and write are served.
            java.util.Optional<Integer> read2 = database.read(connection -> JdbcRunner.queryOne(connection, "SELECT 2", row -> row.getInt(1)));
            java.util.Optional<Integer> written3 = database.write(connection -> JdbcRunner.queryOne(connection, "SELECT 3", row -> row.getInt(1)));
            assertThat(read2).contains(2);
            assertThat(written3).contains(3);
        }
        finally {
            threads.shutdownNow();
        }
    }

    @Test
    void eachKindOfConnectionHasItsSocketTimeoutUnlessTheUrlSetsOne() {
        JdbcTarget target = JdbcTarget.parse("postgresql://seat:pw@127.0.0.1:5432/test");
        assertThat(SqlDatabase.connectionProperties(target, SqlDatabase.REQUEST_SOCKET_TIMEOUT_SECONDS).getProperty("socketTimeout")).isEqualTo("15");
        assertThat(SqlDatabase.connectionProperties(target, SqlDatabase.SCAN_SOCKET_TIMEOUT_SECONDS).getProperty("socketTimeout")).isEqualTo("600");
        assertThat(SqlDatabase.connectionProperties(target, SqlDatabase.MIGRATION_SOCKET_TIMEOUT_SECONDS).getProperty("socketTimeout"))
                .as("a migration is never cut short").isEqualTo("0");

        JdbcTarget operators = JdbcTarget.parse("postgresql://seat:pw@127.0.0.1:5432/test?socketTimeout=40");
        java.util.Properties parsed = org.postgresql.Driver.parseURL(operators.jdbcUrl(),
                SqlDatabase.connectionProperties(operators, SqlDatabase.MIGRATION_SOCKET_TIMEOUT_SECONDS));
        assertThat(parsed).isNotNull();
        assertThat(parsed.getProperty("socketTimeout")).as("the operator's URL wins, for every connection").isEqualTo("40");
    }

    private static Duration failsAfter(long started, Runnable statement) {
        assertThatThrownBy(statement::run)
                .isInstanceOf(SeatguardException.class)
                .satisfies(e -> assertThat(((SeatguardException) e).code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE));
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** A statement that keeps the connection silent for {@link #SLEEP_SECONDS}, then answers 1. */
    private static final class SqlDatabaseSleep {
        static int sleep(java.sql.Connection connection) throws java.sql.SQLException {
            return JdbcRunner.queryOne(connection, "SELECT 1 FROM (SELECT pg_sleep(" + SLEEP_SECONDS + ")) AS slept", row -> row.getInt(1))
                    .orElseThrow();
        }
    }
}
