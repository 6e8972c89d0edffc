package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.SeatguardException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long a read waits for a pooled connection, alike on both engines. Review finding: SQLite's read
 * pool (its scan pool too) kept Hikari's default wait, 30 s, so with every read connection taken a
 * request waited six times as long as on PostgreSQL before its 503, holding a request thread meanwhile.
 * A request's read now gives up after {@link SqlDatabase#READ_CONNECTION_WAIT_MILLIS} on SQLite too, and
 * scans, on a small pool of their own there as on PostgreSQL, keep their longer wait.
 */
// "try": a HeldConnections is a try-with-resources resource for its close alone, unreferenced in the body.
@SuppressWarnings("try")
class ReadConnectionWaitTest {
    /** Enough for a loaded machine, and far below the 30 s the SQLite read used to wait. */
    private static final Duration MARGIN = Duration.ofSeconds(3);

    @TempDir
    Path dataDir;

    @Test
    void sqliteReadWaitsAsLongAsOnPostgresThenIsAnsweredUnavailable() throws Exception {
        try (SqlDatabase database = SqlDatabase.open(new StorageSettings(Optional.empty(), dataDir, 1))) {
            assertAReadWaitingForTheHeldConnectionGivesUpInTime(database);
            // On a file on this machine a full pool is load, not an outage: no other read is refused, and
            // /readyz says saturated (200), not unreachable (503), which took the only node out of its load
            // balancer at its busiest.
            assertThat(database.outageStats().outages()).isZero();
            assertThat(database.readiness()).isEqualTo(StorageReadiness.State.OK);
        }
    }

    @Test
    void sqliteReadinessSaysSaturatedWhileAReadWaitedInVain() throws Exception {
        try (SqlDatabase database = SqlDatabase.open(new StorageSettings(Optional.empty(), dataDir, 1))) {
            try (HeldConnections held = HeldConnections.hold(database::read)) {
                assertThatThrownBy(() -> database.read(connection -> 1)).isInstanceOf(SeatguardException.class);
                assertThat(database.readiness()).isEqualTo(StorageReadiness.State.SATURATED);
                assertThat(database.outageStats().outages()).isZero();
            }
        }
    }

    @Test
    void postgresReadWaitsItsReadConnectionWaitThenIsAnsweredUnavailable() throws Exception {
        try (PostgresTestDatabase postgres = PostgresTestDatabase.create();
                SqlDatabase database = SqlDatabase.open(new StorageSettings(Optional.of(postgres.url()), dataDir, 1))) {
            assertAReadWaitingForTheHeldConnectionGivesUpInTime(database);
            // A PostgreSQL whose pool stays full may be a silent server: the gate closes, and /readyz says so.
            assertThat(database.outageStats().outages()).isEqualTo(1);
            assertThat(database.readiness()).isEqualTo(StorageReadiness.State.UNREACHABLE);
        }
    }

    /**
     * A scan (a backtest, the dashboard's counts) waits longer than a request's read: with every scan
     * connection taken for longer than a read would wait, the next scan still runs once one is free. And
     * it does not wait for a request's connection: it runs while every read connection is taken.
     */
    @Test
    void sqliteScanWaitsLongerThanARequestsReadOnConnectionsOfItsOwn() throws Exception {
        try (SqlDatabase database = SqlDatabase.open(new StorageSettings(Optional.empty(), dataDir, 1))) {
            try (HeldConnections held = HeldConnections.hold(database::read)) {
                assertThat(database.<Integer>scan(connection -> 1)).as("a scan while every read connection is taken").isEqualTo(1);

                held.andHold(SqlDatabase.SCAN_POOL_SIZE, database::scan);
                // Every scan connection is taken for longer than a request's read would wait for one.
                Thread.ofPlatform().start(() -> {
                    sleep(SqlDatabase.READ_CONNECTION_WAIT_MILLIS + 1_000);
                    held.release();
                });
                assertThat(database.<Integer>scan(connection -> 2)).as("a scan that waited past a read's wait").isEqualTo(2);
            }
        }
    }

    private static void assertAReadWaitingForTheHeldConnectionGivesUpInTime(SqlDatabase database) throws InterruptedException {
        try (HeldConnections held = HeldConnections.hold(database::read)) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> database.read(connection -> 1)).isInstanceOfSatisfying(SeatguardException.class,
                    refused -> assertThat(refused.code()).as("503 storage-unavailable").isEqualTo(ErrorCode.STORAGE_UNAVAILABLE));
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(SqlDatabase.READ_CONNECTION_WAIT_MILLIS))
                    .isLessThan(Duration.ofMillis(SqlDatabase.READ_CONNECTION_WAIT_MILLIS).plus(MARGIN));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
