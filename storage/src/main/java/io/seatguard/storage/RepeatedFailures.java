package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * Logs a failure with its stack trace the first time, then the same failure at most once per interval,
 * as one line that says how many were left out, and says when the failures stop.
 *
 * <p>Why: a full disk or a database that went away fails every write the same way, hundreds a second.
 * Logged each time with its trace (about 3 KB), the log buried everything else and, on a disk it shares
 * with the database, took the space the database needed back (measured: 28 MB for 10,000 refused
 * evaluations before this). The HTTP layer uses it too, for the one line each 503 answer logs: while
 * storage is known unreachable it refuses thousands of requests a second. Safe from any thread.
 */
public final class RepeatedFailures {
    static final Duration INTERVAL = Duration.ofSeconds(30);
    /** Failures whose messages differ every time (a value in the text) must not grow this without end. */
    private static final int MAX_KINDS = 64;

    private final Logger log;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Kind> kinds = new HashMap<>();
    private long failedSinceLastSuccess;
    private boolean recoveryLogged;
    private long recoveryLoggedAt;

    private static final class Kind {
        long loggedAt;
        long leftOut;

        Kind(long loggedAt) {
            this.loggedAt = loggedAt;
        }
    }

    public RepeatedFailures(Logger log) {
        this(log, INTERVAL, System::nanoTime);
    }

    public RepeatedFailures(Logger log, Duration interval, LongSupplier nanoTime) {
        this.log = requireNonNull(log, "log is null");
        this.intervalNanos = interval.toNanos();
        this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
    }

    /** A failure of {@code what}: logged at {@code level} in full the first time, then as a count. */
    public synchronized void failed(Level level, String what, Throwable cause) {
        String key = what + '\n' + cause.getClass().getName() + '\n' + cause.getMessage();
        if (firstOfItsKind(key)) {
            log.atLevel(level).setCause(cause).log(what);
        }
        else {
            countedOrDue(key, leftOut -> log.atLevel(level).log("{} again: {} ({} more like it in the {} s before, not logged one by one)",
                    what, cause, leftOut.count(), leftOut.seconds()));
        }
    }

    /**
     * A failure logged as one line with no trace: {@code what} then {@code detail} the first time, then
     * counted as above. Kinds are told apart by {@code what} alone, so a detail that differs each time
     * (a wait in milliseconds, say) cannot defeat the count.
     */
    public synchronized void failed(Level level, String what, String detail) {
        if (firstOfItsKind(what)) {
            log.atLevel(level).log("{}{}", what, detail);
        }
        else {
            countedOrDue(what, leftOut -> log.atLevel(level).log("{} again{} ({} more like it in the {} s before, not logged one by one)",
                    what, detail, leftOut.count(), leftOut.seconds()));
        }
    }

    private record LeftOut(long count, long seconds) {}

    /** Whether {@code key} is new (and now known); counts every failure. */
    private boolean firstOfItsKind(String key) {
        failedSinceLastSuccess++;
        Kind known = kinds.get(key);
        if (known != null) {
            long now = nanoTime.getAsLong();
            boolean endedSince = recoveryLogged && recoveryLoggedAt - known.loggedAt >= 0;
            if (!endedSince || now - known.loggedAt < intervalNanos) {
                return false;
            }
            // The trouble was said to have ended, an interval or more after this was logged: it is news again.
            kinds.remove(key);
        }
        if (kinds.size() >= MAX_KINDS) {
            kinds.clear();
        }
        kinds.put(key, new Kind(nanoTime.getAsLong()));
        return true;
    }

    /** Counts one more of a known kind, or, once its interval has passed, hands the count to {@code logAgain}. */
    private void countedOrDue(String key, Consumer<LeftOut> logAgain) {
        Kind kind = kinds.get(key);
        long now = nanoTime.getAsLong();
        if (now - kind.loggedAt < intervalNanos) {
            kind.leftOut++;
            return;
        }
        logAgain.accept(new LeftOut(kind.leftOut, Duration.ofNanos(now - kind.loggedAt).toSeconds()));
        kind.loggedAt = now;
        kind.leftOut = 0;
    }

    /**
     * The work the failures were about succeeded: says so, so the log shows when the trouble ended; at most
     * once per interval, and failures of a kind logged within the interval go on being counted, not logged
     * in full again. Why: on a full disk some commits fit and some do not, and the writer's log alternated
     * "commit again" and "write failed" with its trace 14 times in 0.7 s (found in review).
     */
    public synchronized void succeeded(String what) {
        if (failedSinceLastSuccess == 0) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (recoveryLogged && now - recoveryLoggedAt < intervalNanos) {
            // Said less than an interval ago: the failures since go into the next such line.
            return;
        }
        log.info("{} again, after {} {}", what, failedSinceLastSuccess, failedSinceLastSuccess == 1 ? "failure" : "failures");
        failedSinceLastSuccess = 0;
        recoveryLogged = true;
        recoveryLoggedAt = now;
        // Kinds are kept: one that comes back within an interval of being logged is counted, a later one is
        // logged in full again (firstOfItsKind).
    }
}
