package io.seatguard.storage;

/**
 * What the group-commit writer has done since start: batches committed (or rolled back), writes in
 * them, and the time it spent running and committing them (flushes included). Writes per batch tell
 * how much the group commit shares; busy time near wall-clock time says the writer sets the pace.
 */
public record WriterStats(long batches, long writes, long busyNanos) {}
