package io.seatguard.storage;

/**
 * What the group-commit writer has done since start: batches committed (or rolled back), writes in
 * them, and the time it spent running and committing them (flushes included). Writes per batch tell
 * how much the group commit shares; busy time near wall-clock time says the writer sets the pace.
 * {@code splitBatches}: batches that failed for one of their writes (a constraint, a lost race, a
 * deadlock) and were rolled back, their writes then committed one by one. {@code failedWrites}: writes
 * whose commit failed (a full disk, a lost connection, a database error), each answered 503
 * {@code storage-unavailable}; the writes refused at once while the database is known unreachable are
 * {@link OutageStats#refused} instead.
 */
public record WriterStats(long batches, long writes, long busyNanos, long splitBatches, long failedWrites) {}
