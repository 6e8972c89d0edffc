package io.seatguard.storage;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What an opening of the store has made so far (pools, the writer and its thread, maintenance threads),
 * closed last-made first when a later step fails. Each step used to close only what the step before it
 * had made, so a failure further on (the writer's thread refused, the checkpointer's file not writable)
 * left the pools' connections and housekeeper threads, and the writer's non-daemon thread, open for the
 * life of the process (found in review).
 *
 * <p>Used with try-with-resources: {@link #handedOn()} once the store holds everything, after which
 * {@link #close()} leaves it all open. A failure to close one of them is added to the opening's own
 * failure as a suppressed exception, and the others are closed still.
 */
final class PartlyOpened implements AutoCloseable {
    private final Deque<AutoCloseable> made = new ArrayDeque<>();
    private boolean handedOn;

    /** Keeps {@code resource} to close if the opening fails; returns it. */
    <T extends AutoCloseable> T add(T resource) {
        made.push(resource);
        return resource;
    }

    /** The opening succeeded: what it made belongs to the store now, which closes it. */
    void handedOn() {
        handedOn = true;
    }

    @Override
    public void close() {
        if (handedOn) {
            return;
        }
        // Closed with the thread's interrupt cleared, and it set again after: each close waits (the writer for
        // its stop, the pools and the maintenance for their threads), and an interrupt refused the writer's stop
        // at once, its non-daemon thread running on for the life of the process (found in review).
        boolean interrupted = Thread.interrupted();
        RuntimeException failure = null;
        try {
            while (!made.isEmpty()) {
                try {
                    made.pop().close();
                }
                catch (Exception | Error e) {
                    if (e instanceof InterruptedException) {
                        interrupted = true;
                    }
                    if (failure == null) {
                        failure = new IllegalStateException("closing what a failed opening of the store had made failed", e);
                    }
                    else {
                        failure.addSuppressed(e);
                    }
                }
                // A close that was interrupted says so by setting the flag again; the next one waits as it should.
                interrupted |= Thread.interrupted();
            }
        }
        finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
