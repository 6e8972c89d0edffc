package io.seatguard.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Threads that each take a pooled connection and keep it until closed: a full pool without a busy
 * database. Closing lets every connection go and waits for each thread to end, so a test's
 * try-with-resources returns them even when an assertion inside it fails.
 */
final class HeldConnections implements AutoCloseable {
    /** A way in to a connection: {@link SqlDatabase#read} or {@link SqlDatabase#scan}. */
    interface Door {
        Object run(GroupCommitWriter.Task<Object> task);
    }

    /** How long a holder is waited for, to get its connection or to end: a hung build is no failed test. */
    private static final Duration HOLDER_WAIT = Duration.ofSeconds(60);

    /** Counted down once, by {@link #release} or {@link #close}: every holder lets its connection go. */
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Thread> holders = new ArrayList<>();

    private HeldConnections() {}

    /** One connection taken through {@code door}, held once this returns. */
    static HeldConnections hold(Door door) throws InterruptedException {
        return new HeldConnections().andHold(1, door);
    }

    /**
     * {@code count} more connections taken through {@code door}, each on a thread of its own, held once this
     * returns and let go with the others. Should one never come (or the wait be interrupted), every
     * holder is let go before that is thrown: the caller's try-with-resources may not have this holder yet.
     */
    HeldConnections andHold(int count, Door door) throws InterruptedException {
        CountDownLatch held = new CountDownLatch(count);
        for (int holder = 0; holder < count; holder++) {
            holders.add(Thread.ofPlatform().start(() -> door.run(connection -> {
                held.countDown();
                try {
                    release.await();
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            })));
        }
        try {
            await(held);
        }
        catch (InterruptedException | RuntimeException | Error e) {
            try {
                close();
            }
            catch (AssertionError cut) {
                // The failure to hold is the one to report.
                e.addSuppressed(cut);
            }
            throw e;
        }
        return this;
    }

    /** Lets every connection go without waiting for the holders (from a thread of the test's own, at a time it picks). */
    void release() {
        release.countDown();
    }

    /**
     * Lets every connection go and waits until each holder's thread has ended. Throws nothing checked, as a
     * resource's close should not (an InterruptedException from it would be added to, or hide, the test's
     * own failure): an interrupt, or a holder that does not end, fails the test instead of hanging it.
     */
    @Override
    public void close() {
        release();
        for (Thread holder : holders) {
            try {
                if (!holder.join(HOLDER_WAIT)) {
                    throw new AssertionError(holder + " still holds its connection " + HOLDER_WAIT.toSeconds() + " s after it was let go");
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the holders to let their connections go", e);
            }
        }
    }

    /**
     * Waits until every holder counting {@code held} down has its connection. A holder that cannot get
     * one dies on the pool's wait without counting down: waiting without a limit then hung the build
     * for good instead of failing the test.
     */
    private static void await(CountDownLatch held) throws InterruptedException {
        if (!held.await(HOLDER_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(held.getCount() + " holder(s) never got a connection in " + HOLDER_WAIT.toSeconds() + " s (see the holder thread's exception above)");
        }
    }
}
