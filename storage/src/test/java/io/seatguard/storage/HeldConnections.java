package io.seatguard.storage;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A thread that takes a pooled connection and keeps it until told: a full pool without a busy database. */
final class HeldConnections {
    /** A way in to a connection: {@link SqlDatabase#read} or {@link SqlDatabase#scan}. */
    interface Door {
        Object run(GroupCommitWriter.Task<Object> task);
    }

    private HeldConnections() {}

    /** Starts a thread that takes a connection through {@code door}, counts {@code held} down, and keeps it until {@code release}. */
    static Thread hold(Door door, CountDownLatch held, CountDownLatch release) {
        return Thread.ofPlatform().start(() -> door.run(connection -> {
            held.countDown();
            try {
                release.await();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
    }

    /**
     * Waits until every holder counting {@code held} down has its connection. A holder that cannot get
     * one dies on the pool's wait without counting down: waiting without a limit then hung the build
     * for good instead of failing the test.
     */
    static void await(CountDownLatch held) throws InterruptedException {
        if (!held.await(60, TimeUnit.SECONDS)) {
            throw new AssertionError(held.getCount() + " holder(s) never got a connection in 60 s (see the holder thread's exception above)");
        }
    }
}
