package io.seatguard.storage;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Caffeine builders for every in-process cache of the server, which do their upkeep (draining the read
 * and write buffers, evicting) on the thread that touched the cache.
 *
 * <p>Caffeine's default hands that upkeep to {@code ForkJoinPool.commonPool()}: under the evaluate load
 * that woke a pool thread hundreds of times a second, and waking and parking it cost about four times the
 * upkeep itself (2 % of the server's CPU on a 2-core machine, docs/benchmarks.md). Done in place, the
 * upkeep is a bounded drain under a lock the cache only tries to take, so no caller waits on another's.
 * None of our caches has a removal listener or an asynchronous loader that this would move onto callers.
 */
public final class CacheBuilders {
    private CacheBuilders() {}

    /** A builder whose upkeep runs on the calling thread. */
    public static Caffeine<Object, Object> inline() {
        return Caffeine.newBuilder().executor(Runnable::run);
    }

    /** {@link #inline()}, holding at most {@code maximumSize} entries. */
    public static Caffeine<Object, Object> bounded(long maximumSize) {
        return inline().maximumSize(maximumSize);
    }
}
