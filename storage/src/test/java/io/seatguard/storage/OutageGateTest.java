package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.SeatguardException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OutageGateTest {
    private static final SQLException SOCKET_TIMEOUT = new SQLException("An I/O error occurred while sending to the backend.", "08006");
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicLong evictions = new AtomicLong();
    private final OutageGate gate = new OutageGate("Storage", OutageGate::isConnectionFailure, now::get, evictions::incrementAndGet);

    @Test
    void aFailureOfTheStatementLeavesTheGateOpen() {
        gate.failed(new SQLException("duplicate key value violates unique constraint", "23505"));
        gate.failed(new SQLException("no state at all"));
        gate.failed(new IllegalStateException("a bug"));

        assertThat(gate.isClosed()).isFalse();
        assertThat(gate.outages()).isZero();
        assertThat(evictions).hasValue(0);
        gate.enter().close();
    }

    @Test
    void aConnectionFailureRefusesCallsAtOnceUntilTheProbeTime() {
        gate.failed(SOCKET_TIMEOUT);
        gate.failed(SOCKET_TIMEOUT);

        assertThat(gate.isClosed()).isTrue();
        assertThat(gate.outages()).as("one outage, however many calls saw it").isEqualTo(1);
        assertThat(evictions).as("the kept connections let go once").hasValue(1);
        assertRefused();
        advance(OutageGate.PROBE_INTERVAL.minusMillis(1));
        assertRefused();
    }

    @Test
    void onlyOneProbeAtATimeAndAFailedProbeWaitsAnotherInterval() {
        gate.failed(SOCKET_TIMEOUT);
        advance(OutageGate.PROBE_INTERVAL);

        OutageGate.Permit probe = gate.enter();
        assertRefused();   // while the probe is out, everyone else is refused
        gate.failed(SOCKET_TIMEOUT);
        probe.close();

        assertRefused();   // the next probe is an interval after the probe failed
        advance(OutageGate.PROBE_INTERVAL);
        gate.enter().close();
    }

    @Test
    void anAnswerOpensTheGate() {
        gate.failed(SOCKET_TIMEOUT);
        advance(OutageGate.PROBE_INTERVAL);

        try (OutageGate.Permit probe = gate.enter()) {
            gate.answered();
        }

        assertThat(gate.isClosed()).isFalse();
        for (int i = 0; i < 3; i++) {
            gate.enter().close();
        }
    }

    /** A call's own success may have sent nothing (an empty commit): a probe asks for an answer first. */
    @Test
    void aProbeOpensTheGateOnlyWhenTheDatabaseAnswersAnEmptyQuery() throws SQLException {
        gate.failed(SOCKET_TIMEOUT);
        java.sql.Connection gone = java.sql.DriverManager.getConnection("jdbc:sqlite::memory:");
        gone.close();

        assertThatThrownBy(() -> gate.confirm(gone)).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).as("a connection failure, so callers fail it as one").isEqualTo("08006"));
        assertThat(gate.isClosed()).isTrue();

        try (java.sql.Connection answering = java.sql.DriverManager.getConnection("jdbc:sqlite::memory:")) {
            gate.confirm(answering);
        }
        assertThat(gate.isClosed()).isFalse();
    }

    @Test
    void connectionFailuresAreFoundByStateOrKindAnywhereInTheCauses() {
        List<Throwable> failures = List.of(
                new SQLException("Connection refused", "08001"),
                new SQLTransientConnectionException("seatguard-postgres-read - Connection is not available, request timed out after 5000ms."),
                new SeatguardException(ErrorCode.STORAGE_UNAVAILABLE, "Storage write failed", List.of(), SOCKET_TIMEOUT),
                new RuntimeException(new SQLException("wrapped", "08003")));
        for (Throwable failure : failures) {
            assertThat(OutageGate.isConnectionFailure(failure)).as(failure.toString()).isTrue();
        }
        assertThat(OutageGate.isConnectionFailure(new SQLException("deadlock detected", "40P01"))).isFalse();
        assertThat(OutageGate.isConnectionFailure(new RuntimeException(new IllegalStateException("x")))).isFalse();
    }

    @Test
    void redisGateClosesOnATimedOutCommandOrAFailedConnectionAndSaysRedis() {
        OutageGate redis = OutageGate.forRedis(() -> {
        });
        redis.failed(new io.lettuce.core.RedisException("Currently not connected. Commands are rejected."));
        redis.failed(new io.lettuce.core.RedisCommandExecutionException("ERR unknown command"));
        assertThat(redis.isClosed()).as("a rejected or failed command fails at once by itself").isFalse();

        redis.failed(new io.lettuce.core.RedisCommandTimeoutException("Command timed out after 2 second(s)"));
        assertThat(redis.isClosed()).isTrue();
        assertThatThrownBy(redis::enter).hasMessage("Redis is unreachable (checked again every second)");

        OutageGate connection = OutageGate.forRedis(() -> {
        });
        connection.failed(new io.lettuce.core.RedisConnectionException("Unable to connect to 127.0.0.1:6379"));
        assertThat(connection.isClosed()).isTrue();
    }

    /**
     * A silent Redis is asked by its link's own PING alone: a request let through as the probe waited out
     * a command's timeout, one a second. Calls are refused until the gate opens, however long that takes.
     */
    @Test
    void redisGateLetsNoCallThroughAsTheProbe() {
        AtomicLong starts = new AtomicLong();
        OutageGate redis = OutageGate.forRedis(starts::incrementAndGet, now::get);
        redis.failed(new io.lettuce.core.RedisCommandTimeoutException("Command timed out after 2 second(s)"));
        assertThat(starts).as("the link's own probe started").hasValue(1);
        for (int second = 0; second < 5; second++) {
            advance(OutageGate.PROBE_INTERVAL);
            assertThatThrownBy(redis::enter).as("after %d s", second + 1).hasMessage("Redis is unreachable (checked again every second)");
        }

        redis.answered();
        redis.enter().close();
    }

    private void assertRefused() {
        assertThatThrownBy(gate::enter)
                .isInstanceOf(SeatguardException.class)
                .satisfies(e -> assertThat(((SeatguardException) e).code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE))
                .hasMessageContaining("unreachable");
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }
}
