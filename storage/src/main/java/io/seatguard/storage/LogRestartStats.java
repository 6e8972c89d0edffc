package io.seatguard.storage;

/**
 * What starting SQLite's write-ahead log over has cost since start: restarts done, restarts put off
 * because a long read was in flight, and the time the writer was held for them. Held seconds per second
 * is the share of time commits waited on restarts. All zero on PostgreSQL, which has no such log.
 */
public record LogRestartStats(long restarts, long deferred, long writerHeldNanos) {
    public static final LogRestartStats NONE = new LogRestartStats(0, 0, 0);
}
