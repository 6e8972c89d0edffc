package io.seatguard.storage;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Lets SQLite's checkpointer wait until every storage read in flight has finished.
 *
 * <p>Why: SQLite starts its write-ahead log over only when no reader holds a snapshot of it. Once the
 * log is all copied into the database file, new reads no longer need it, but the reads that began
 * before still do; {@link #drain} waits for those ({@link SqliteCheckpointer}). Reads are short (well
 * under a millisecond each), so the new reads it holds back meanwhile wait about as long.
 *
 * <p>Every read passes through {@link #enter()} and {@link #exit()}; reads may nest. While {@link
 * #drain} waits, new reads wait behind it, so it cannot be starved.
 */
final class ReaderGate {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    void enter() {
        lock.readLock().lock();
    }

    void exit() {
        lock.readLock().unlock();
    }

    /**
     * Returns once every read in flight has finished, holding new reads back while it waits; false when
     * they did not finish within the wait (a long report, say).
     */
    boolean drain(long waitMillis) throws InterruptedException {
        if (!lock.writeLock().tryLock(waitMillis, TimeUnit.MILLISECONDS)) {
            return false;
        }
        lock.writeLock().unlock();
        return true;
    }
}
