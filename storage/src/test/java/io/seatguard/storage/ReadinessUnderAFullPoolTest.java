package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatguard.core.error.SeatguardException;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: with every read connection held (requests waiting on locked rows, a slow database),
 * {@code /readyz}'s storage check waited for one as long as a request does, 5 s on PostgreSQL and 30 s on
 * SQLite, so a load balancer's probe (1–5 s) timed out and learnt nothing. It now answers within its
 * budget that the pool is saturated, and ok again once a connection is free.
 */
// "try": a HeldConnections is a try-with-resources resource for its close alone, unreferenced in the body.
@SuppressWarnings("try")
class ReadinessUnderAFullPoolTest {
    @TempDir
    Path dataDir;

    @Test
    void postgresWithEveryReadConnectionHeldAnswersSaturatedAtOnce() throws Exception {
        try (PostgresTestDatabase postgres = PostgresTestDatabase.create();
                SqlDatabase database = SqlDatabase.open(new StorageSettings(Optional.of(postgres.url()), dataDir, 1))) {
            assertSaturatedWhileHeldAndOkAfter(database);
        }
    }

    @Test
    void sqliteWithEveryReadConnectionHeldAnswersSaturatedAtOnce() throws Exception {
        try (SqlDatabase database = SqlDatabase.open(new StorageSettings(Optional.empty(), dataDir, 1))) {
            assertSaturatedWhileHeldAndOkAfter(database);
        }
    }

    /**
     * Review finding (brief 18): a full pool was said SATURATED (and /readyz 200) while the outage gate was
     * closed, every request refused 503 at once: the check that is the gate's probe waits for a connection
     * like any read, and a pool still full of reads stuck on the silent database (up to their 15 s socket
     * timeout on PostgreSQL) made the late check look like load. A known outage is unreachable.
     */
    @Test
    void aFullPoolWhileTheDatabaseIsKnownUnreachableIsUnreachableNotSaturated() throws Exception {
        try (SqlDatabase database = SqlDatabase.open(new StorageSettings(Optional.empty(), dataDir, 1))) {
            try (HeldConnections held = HeldConnections.hold(database::read)) {
                // A connection failure closes the gate, as a silent database's would.
                assertThatThrownBy(() -> database.write(connection -> {
                    throw new SQLException("the database went silent", "08006");
                })).isInstanceOf(SeatguardException.class);
                assertThat(database.outageStats().outages()).isEqualTo(1);
                // The next probe is let through one interval after the failure: the readiness check is then
                // the probe, and waits for the connection the stuck read holds. (A time, not a race: nothing
                // else lets the probe through earlier.)
                Thread.sleep(OutageGate.PROBE_INTERVAL.toMillis() + 100);
                assertThat(database.readiness()).as("the gate's probe waiting on a full pool").isEqualTo(StorageReadiness.State.UNREACHABLE);
            }
        }
    }

    /**
     * Review finding: on SQLite a pool that stays full is load, not an outage (OutageGate.forEmbeddedDatabase),
     * yet the readiness check, still waiting for a connection, ran out of the pool's wait and answered false;
     * the probe waiting on it at that moment said UNREACHABLE (503), about one probe in five while the pool
     * stayed full, taking the only node out of its load balancer at its busiest. A check that got no
     * connection while every one is taken is saturation.
     */
    @Test
    void sqliteProbeWhoseCheckRunsOutOfThePoolsWaitIsSaturatedNotUnreachable() throws Exception {
        try (SqlDatabase database = SqlDatabase.open(new StorageSettings(Optional.empty(), dataDir, 1))) {
            try (HeldConnections held = HeldConnections.hold(database::read)) {
                long started = System.nanoTime();
                // Starts the check, which waits for the held connection for the pool's whole wait.
                assertThat(database.readiness()).isEqualTo(StorageReadiness.State.SATURATED);
                // A probe whose budget spans the end of that wait (a time, not a race: half a budget either side).
                long untilProbe = SqlDatabase.READ_CONNECTION_WAIT_MILLIS - StorageReadiness.BUDGET.toMillis() / 2
                        - Duration.ofNanos(System.nanoTime() - started).toMillis();
                Thread.sleep(Math.max(0, untilProbe));
                assertThat(database.readiness()).as("the probe that saw the check run out of the pool's wait")
                        .isEqualTo(StorageReadiness.State.SATURATED);
                assertThat(database.outageStats().outages()).isZero();
            }
        }
    }

    /**
     * Review finding (brief 18): a readiness check still waiting for a connection when the store closes
     * (a probe during a shutdown under load) failed as the pool's wait ran out on a closed pool, and was
     * counted and logged as the database being unreachable, as reads cut off by the close no longer are
     * (ClosingUnderReadsTest).
     */
    @Test
    void aCheckTheCloseCutsOffIsNoOutage() throws Exception {
        try (PostgresTestDatabase postgres = PostgresTestDatabase.create()) {
            SqlDatabase database = SqlDatabase.open(new StorageSettings(Optional.of(postgres.url()), dataDir, 1));
            try (HeldConnections held = HeldConnections.hold(database::read)) {
                java.util.Set<Thread> earlier = readinessChecks();
                assertThat(database.readiness()).isEqualTo(StorageReadiness.State.SATURATED);
                // The check this probe started, still waiting for the held connection.
                Thread check = readinessChecks().stream().filter(thread -> !earlier.contains(thread)).findFirst().orElseThrow();
                database.close();
                check.join();
                assertThat(database.outageStats().outages()).as("no outage was declared").isZero();
            }
        }
    }

    private static java.util.Set<Thread> readinessChecks() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().equals("seatguard-readiness"))
                .collect(java.util.stream.Collectors.toSet());
    }

    private static void assertSaturatedWhileHeldAndOkAfter(SqlDatabase database) throws InterruptedException {
        assertThat(database.readiness()).isEqualTo(StorageReadiness.State.OK);
        try (HeldConnections held = HeldConnections.hold(database::read)) {
            for (int probe = 0; probe < 2; probe++) {
                long started = System.nanoTime();
                StorageReadiness.State state = database.readiness();
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(state).as("probe %d", probe).isEqualTo(StorageReadiness.State.SATURATED);
                assertThat(took).as("probe %d: within a load balancer's probe timeout", probe).isLessThan(Duration.ofMillis(1_500));
            }
        }
        assertThat(database.readiness()).as("a connection free again").isEqualTo(StorageReadiness.State.OK);
        assertThat(database.outageStats().outages()).as("a full pool for a moment is no outage").isZero();
    }
}
