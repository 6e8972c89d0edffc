package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
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
 * evaluations before this). Used by one thread at a time (the writer's), but safe from any.
 */
final class RepeatedFailures {
    static final Duration INTERVAL = Duration.ofSeconds(30);
    /** Failures whose messages differ every time (a value in the text) must not grow this without end. */
    private static final int MAX_KINDS = 64;

    private final Logger log;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Kind> kinds = new HashMap<>();
    private long failedSinceLastSuccess;

    private static final class Kind {
        long loggedAt;
        long leftOut;

        Kind(long loggedAt) {
            this.loggedAt = loggedAt;
        }
    }

    RepeatedFailures(Logger log) {
        this(log, INTERVAL, System::nanoTime);
    }

    RepeatedFailures(Logger log, Duration interval, LongSupplier nanoTime) {
        this.log = requireNonNull(log, "log is null");
        this.intervalNanos = interval.toNanos();
        this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
    }

    /** A failure of {@code what}: logged at {@code level} in full the first time, then as a count. */
    synchronized void failed(Level level, String what, Throwable cause) {
        failedSinceLastSuccess++;
        String key = what + '\n' + cause.getClass().getName() + '\n' + cause.getMessage();
        long now = nanoTime.getAsLong();
        Kind kind = kinds.get(key);
        if (kind == null) {
            if (kinds.size() >= MAX_KINDS) {
                kinds.clear();
            }
            kinds.put(key, new Kind(now));
            log.atLevel(level).setCause(cause).log(what);
            return;
        }
        if (now - kind.loggedAt < intervalNanos) {
            kind.leftOut++;
            return;
        }
        log.atLevel(level).log("{} again: {} ({} more like it in the {} s before, not logged one by one)", what, cause, kind.leftOut,
                Duration.ofNanos(now - kind.loggedAt).toSeconds());
        kind.loggedAt = now;
        kind.leftOut = 0;
    }

    /** The work the failures were about succeeded: says so once, so the log shows when the trouble ended. */
    synchronized void succeeded(String what) {
        if (failedSinceLastSuccess == 0) {
            return;
        }
        log.info("{} again, after {} {}", what, failedSinceLastSuccess, failedSinceLastSuccess == 1 ? "failure" : "failures");
        failedSinceLastSuccess = 0;
        kinds.clear();
    }
}
