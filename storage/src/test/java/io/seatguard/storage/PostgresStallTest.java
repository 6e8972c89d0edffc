package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatguard.core.error.SeatguardException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit past the stall limit on the real PostgreSQL: a database that is only slow (it answers a probe
 * on a new connection) is waited for, and one that fell silent is still found out well before the
 * commit's own socket timeout. Before the probe, CI at load 15–25 saw an erasure batch take over 5 s and
 * every request refused as if the database were gone.
 */
class PostgresStallTest {
    private static final int SLOW_SECONDS = (int) GroupCommitWriter.POSTGRES_STALL_LIMIT.toSeconds() + 2;

    @TempDir
    Path dataDir;

    @Test
    void aCommitThatIsOnlySlowRefusesNothing() throws Exception {
        try (PostgresTestDatabase schema = PostgresTestDatabase.create();
                SqlDatabase database = SqlDatabase.open(StorageSettings.of(schema.url(), dataDir))) {
            CompletableFuture<Optional<Integer>> slow = CompletableFuture.supplyAsync(() -> database.write(connection -> JdbcRunner.queryOne(connection,
                    "SELECT 1 FROM (SELECT pg_sleep(" + SLOW_SECONDS + ")) AS slept", row -> row.getInt(1))));
            Thread.sleep(1_000);
            long started = System.nanoTime();
            Optional<Integer> queued = database.write(connection -> JdbcRunner.queryOne(connection, "SELECT 3", row -> row.getInt(1)));
            assertThat(queued).as("a write queued behind the slow commit commits after it").contains(3);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("it waited for the slow one")
                    .isGreaterThan(GroupCommitWriter.POSTGRES_STALL_LIMIT.minusSeconds(1));
            assertThat(slow.get(30, TimeUnit.SECONDS)).contains(1);
            Optional<Integer> read = database.read(connection -> JdbcRunner.queryOne(connection, "SELECT 4", row -> row.getInt(1)));
            assertThat(read).contains(4);
        }
    }

    @Test
    void aCommitTheDatabaseFellSilentDuringClosesTheGateBeforeItsSocketTimeout() throws Exception {
        try (PostgresTestDatabase schema = PostgresTestDatabase.create(); TcpRelay relay = TcpRelay.to("127.0.0.1", 5432)) {
            String url = schema.url().replace("127.0.0.1:5432", "127.0.0.1:" + relay.port());
            SqlDatabase database = SqlDatabase.open(StorageSettings.of(url, dataDir));
            try {
                CompletableFuture<Optional<Integer>> stuck = CompletableFuture.supplyAsync(() -> database.write(connection -> JdbcRunner.queryOne(connection,
                        "SELECT 1 FROM (SELECT pg_sleep(1)) AS slept", row -> row.getInt(1))));
                Thread.sleep(300);
                relay.silence();
                long started = System.nanoTime();
                assertThatThrownBy(() -> database.write(connection -> JdbcRunner.queryOne(connection, "SELECT 3", row -> row.getInt(1))))
                        .isInstanceOfSatisfying(SeatguardException.class, e -> assertThat(e.getMessage()).contains("unreachable"));
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(took).as("the stall limit and one probe, not the commit's %d s socket timeout", SqlDatabase.REQUEST_SOCKET_TIMEOUT_SECONDS)
                        .isLessThan(Duration.ofSeconds(SqlDatabase.REQUEST_SOCKET_TIMEOUT_SECONDS - 2));
                assertThatThrownBy(() -> stuck.get(30, TimeUnit.SECONDS)).as("the stuck commit fails by its own timeout");
            }
            finally {
                relay.restore();
                database.close();
            }
        }
    }
}
