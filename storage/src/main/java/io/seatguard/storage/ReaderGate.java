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
    /**
     * For PostgreSQL, which has no such log: reads pass without touching a shared lock, so every read of
     * an evaluation does not pay for a gate nothing drains.
     */
    static final ReaderGate UNTRACKED = new ReaderGate(null);

    /** Null when reads are not tracked. */
    private final ReentrantReadWriteLock lock;

    ReaderGate() {
        this(new ReentrantReadWriteLock());
    }

    private ReaderGate(ReentrantReadWriteLock lock) {
        this.lock = lock;
    }

    void enter() {
        if (lock != null) {
            lock.readLock().lock();
        }
    }

    void exit() {
        if (lock != null) {
            lock.readLock().unlock();
        }
    }

    /**
     * Returns once every read in flight has finished, holding new reads back while it waits; false when
     * they did not finish within the wait (a long report, say).
     */
    boolean drain(long waitMillis) throws InterruptedException {
        if (lock == null) {
            throw new IllegalStateException("reads are not tracked by this gate");
        }
        if (!lock.writeLock().tryLock(waitMillis, TimeUnit.MILLISECONDS)) {
            return false;
        }
        lock.writeLock().unlock();
        return true;
    }
}
