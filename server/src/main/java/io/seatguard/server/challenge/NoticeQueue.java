package io.seatguard.server.challenge;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The owner notices waiting to go out, in two lanes of their own, each with one sender thread and room
 * for {@code capacity} notices: one for notices of vouched evaluations (server mode, signed), one for
 * unsigned browser calls'. Anyone holding an app's public client id can make unsigned notices, and with
 * one lane a flood of them (throwaway accounts, each one notice) filled the queue, and the owner's own
 * notice, named by the app's backend, was dropped behind them (found in review). In its own lane it
 * neither waits behind them nor is dropped for them.
 */
final class NoticeQueue implements AutoCloseable {
    /** Room in each lane: a notice takes a few hundred bytes, and a burst this long is a flood, not a day's traffic. */
    static final int CAPACITY = 1_000;

    private final ThreadPoolExecutor vouched;
    private final ThreadPoolExecutor unsigned;

    NoticeQueue() {
        this(CAPACITY);
    }

    NoticeQueue(int capacity) {
        this.vouched = lane("seatguard-owner-notices", capacity);
        this.unsigned = lane("seatguard-owner-notices-unsigned", capacity);
    }

    private static ThreadPoolExecutor lane(String name, int capacity) {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(capacity), runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** What became of a notice offered. */
    enum Offer {
        QUEUED,
        /** Its lane is full: the notice is dropped, and the caller says so (log, metrics). */
        FULL,
        /** The node is stopping: no notice is taken any more. */
        STOPPED
    }

    Offer offer(boolean vouchedFor, Runnable send) {
        ThreadPoolExecutor lane = vouchedFor ? vouched : unsigned;
        try {
            lane.execute(send);
            return Offer.QUEUED;
        }
        catch (RejectedExecutionException e) {
            return lane.isShutdown() ? Offer.STOPPED : Offer.FULL;
        }
    }

    /** Lets queued notices go out for at most {@code wait} in all, for a graceful stop. */
    void close(Duration wait) {
        vouched.shutdown();
        unsigned.shutdown();
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            vouched.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            unsigned.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
