package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.SeatguardException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers that the database (or Redis) stopped answering, so that calls meanwhile are refused at once
 * instead of each waiting out a timeout of its own.
 *
 * <p>Why: a database that is gone or silent makes every read wait for a pooled connection (5 s) or for an
 * answer (15 s), and every write for its turn behind a stuck batch: clients that give up after a few
 * seconds (and fail open) wait for nothing, and with more calls in flight than request threads even
 * {@code /healthz} and {@code /metrics} wait. Measured: 22 answers in 14 silent seconds before, thousands
 * of 503s a second with the gate (docs/benchmarks.md, "A database that falls silent under load"). After
 * a connection failure (SQLSTATE class 08, a socket timeout, a connection the pool could not give in
 * time) the gate is closed: calls are answered 503 at once, except one probe per {@link #PROBE_INTERVAL}.
 * A database probe opens the gate once the database answers an empty query ({@link #confirm}); for Redis,
 * any command answered does, a request's or the link's own {@code PING} ({@link RedisOutageProbe}).
 *
 * <p>Redis has one of its own ({@link #forRedis}): a silent Redis made every evaluation naming a session
 * wait out two command timeouts (reading the account's live sessions, then touching its own).
 *
 * <p>When it closes, the connections kept open are let go ({@link #outages()}, and the callback given
 * here): after a failover or a dropped route they are all dead, and each would otherwise fail one more
 * call after the database is back, closing the gate again.
 */
final class OutageGate {
    static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(OutageGate.class);

    private final String name;
    private final Predicate<Throwable> isOutage;
    private final LongSupplier nanoTime;
    private final long probeIntervalNanos;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong closedAt = new AtomicLong();
    private final AtomicLong nextProbeAt = new AtomicLong();
    private final AtomicBoolean probing = new AtomicBoolean();
    private final AtomicLong refused = new AtomicLong();
    /** {@link #refused} when the gate last closed: the log says how many were refused during this outage. */
    private final AtomicLong refusedBefore = new AtomicLong();
    private final AtomicLong outages = new AtomicLong();
    private final Runnable onClose;
    /** Whether a call may be let through as the probe; not where a probe of the gate's own owner asks instead ({@link #forRedis}). */
    private final boolean callsProbe;

    /**
     * @param name     what is unreachable, as the log and the 503's detail say it
     * @param isOutage which failures say it is unreachable (rather than that one call went wrong)
     * @param onClose  runs when the gate closes (the pools' connections let go)
     */
    OutageGate(String name, Predicate<Throwable> isOutage, LongSupplier nanoTime, Runnable onClose) {
        this(name, isOutage, nanoTime, onClose, true);
    }

    private OutageGate(String name, Predicate<Throwable> isOutage, LongSupplier nanoTime, Runnable onClose, boolean callsProbe) {
        this.name = requireNonNull(name, "name is null");
        this.isOutage = requireNonNull(isOutage, "isOutage is null");
        this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
        this.onClose = requireNonNull(onClose, "onClose is null");
        this.probeIntervalNanos = PROBE_INTERVAL.toNanos();
        this.callsProbe = callsProbe;
    }

    /** The database's gate, closed by a connection failure ({@link #isConnectionFailure}). */
    static OutageGate forDatabase(Runnable onClose) {
        return new OutageGate("Storage", OutageGate::isConnectionFailure, System::nanoTime, onClose);
    }

    static OutageGate forDatabase() {
        return forDatabase(() -> {
        });
    }

    /**
     * An embedded database's gate: closed by a failure of a connection itself, not by a read that waited
     * too long for one of the pool's. On a file on this machine a full pool is load (or a long log
     * restart), never a database gone away; closing the gate for it refused every read for a second and
     * took the only node out of its load balancer ({@code /readyz} unreachable) at its busiest.
     */
    static OutageGate forEmbeddedDatabase() {
        return new OutageGate("Storage", e -> isConnectionFailure(e) && !isPoolWaitTimeout(e), System::nanoTime, () -> {
        });
    }

    /**
     * Hikari's answer when no connection came free within the pool's wait. When the pool could not open a
     * connection meanwhile (the file unreadable), it carries that failure as its cause, and is an outage.
     */
    private static boolean isPoolWaitTimeout(Throwable e) {
        return e instanceof SQLTransientConnectionException && e.getCause() == null;
    }

    /**
     * Redis's gate, closed by a command that timed out or a connection that failed. A command refused
     * because the link is down already fails at once (Lettuce's {@code REJECT_COMMANDS}), so it does not count.
     *
     * <p>No call is let through as the probe: the link's own {@code PING} ({@link RedisOutageProbe}, started
     * by {@code onClose}) is the only one. A request let through waited out a command's timeout (2 s) on a
     * silent Redis, one a second: an evaluation among them took 2 s more, for presence it then went without
     * (found when RedisOutageTest's four evaluations after the first spanned a second on a loaded machine).
     *
     * @param onClose runs when the gate closes (the link starts its {@link RedisOutageProbe})
     */
    static OutageGate forRedis(Runnable onClose) {
        return forRedis(onClose, System::nanoTime);
    }

    /** As {@link #forRedis(Runnable)}, on a clock of the caller's (tests). */
    static OutageGate forRedis(Runnable onClose, LongSupplier nanoTime) {
        return new OutageGate("Redis", e -> e instanceof RedisCommandTimeoutException || e instanceof RedisConnectionException, nanoTime, onClose, false);
    }

    /** A call let through: closing it frees the probe's place when it was the probe. */
    interface Permit extends AutoCloseable {
        /** Whether this call is the probe, let through while the gate is closed to find out if it answers again. */
        boolean isProbe();

        @Override
        void close();
    }

    private static final Permit ORDINARY = new Permit() {
        @Override
        public boolean isProbe() {
            return false;
        }

        @Override
        public void close() {
        }
    };

    /** How long a database probe waits for the answer to its empty query. */
    static final int PROBE_TIMEOUT_SECONDS = 2;

    /**
     * Lets a call through, or refuses it at once while the database is known to be unreachable.
     *
     * @throws SeatguardException {@code storage-unavailable} when the gate is closed and this call is not the probe
     */
    Permit enter() {
        if (!closed.get()) {
            return ORDINARY;
        }
        long now = nanoTime.getAsLong();
        if (callsProbe && now - nextProbeAt.get() >= 0 && probing.compareAndSet(false, true)) {
            nextProbeAt.set(now + probeIntervalNanos);
            return new Permit() {
                @Override
                public boolean isProbe() {
                    return true;
                }

                @Override
                public void close() {
                    probing.set(false);
                }
            };
        }
        throw refusal();
    }

    /**
     * What a call refused because the gate is closed is told (503 {@code storage-unavailable}); counted,
     * whoever refuses it (here, or the writer for writes queued when the gate closed).
     */
    SeatguardException refusal() {
        refused.incrementAndGet();
        return new SeatguardException(ErrorCode.STORAGE_UNAVAILABLE, name + " is unreachable (checked again every second)");
    }

    /**
     * For a database gate: asks the database for an answer on this connection (an empty query, a round
     * trip) and opens the gate when it comes. Why not count a call's own success: a read or a commit that
     * had nothing to send succeeds without the database (pgjdbc commits an empty transaction without a
     * round trip), and opening the gate on it let every waiting request into a database still silent.
     *
     * @throws SQLException SQLSTATE 08006 when it does not answer within {@value #PROBE_TIMEOUT_SECONDS} s
     */
    void confirm(java.sql.Connection connection) throws SQLException {
        if (!connection.isValid(PROBE_TIMEOUT_SECONDS)) {
            throw new SQLException("the database did not answer a probe within " + PROBE_TIMEOUT_SECONDS + " s", "08006");
        }
        answered();
    }

    /** It answered a call (a Redis command, a database's empty query). */
    void answered() {
        if (!closed.get() || !closed.compareAndSet(true, false)) {
            return;
        }
        long downMillis = Duration.ofNanos(nanoTime.getAsLong() - closedAt.get()).toMillis();
        log.info("{} answers again after {} ms; {} calls were refused at once meanwhile", name, downMillis, refused.get() - refusedBefore.get());
    }

    /** A call failed: when the failure says it is unreachable, calls are refused until it answers. */
    void failed(Throwable failure) {
        if (!isOutage.test(failure)) {
            return;
        }
        long now = nanoTime.getAsLong();
        // Each failure, the probe's too, puts the next probe an interval away.
        nextProbeAt.set(now + probeIntervalNanos);
        if (closed.get() || !closed.compareAndSet(false, true)) {
            return;
        }
        closedAt.set(now);
        refusedBefore.set(refused.get());
        outages.incrementAndGet();
        log.warn("{} is unreachable ({}); calls are refused at once until it answers, tried once every {} ms", name, failure.getMessage(),
                PROBE_INTERVAL.toMillis());
        onClose.run();
    }

    OutageStats stats() {
        return new OutageStats(outages.get(), refused.get());
    }

    /** How many times the gate closed: a connection opened before the last time is not to be trusted. */
    long outages() {
        return outages.get();
    }

    /** Whether calls are being refused at once now. */
    boolean isClosed() {
        return closed.get();
    }

    /**
     * A failure of the connection rather than of the statement: SQLSTATE class 08 ("connection exception"
     * in PostgreSQL and the SQL standard; pgjdbc's socket timeout is 08006), or a connection the pool could
     * not give within its wait.
     */
    static boolean isConnectionFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
