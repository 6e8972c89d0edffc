package io.seatguard.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the steps of a stop one after another, each whatever an earlier one threw. A stop is the writer's
 * last chance to commit what it holds and the webhook tries' to record their outcomes: one step that
 * fails (a socket that will not close, a pool that throws) must not skip the rest, and an exception
 * let out of the shutdown hook ends the hook, and with it the stop, at once.
 *
 * <p>A failure is one entry in the log, naming the step. The failure a stop expects (requests still
 * running when the HTTP server's wait ends) is not an exception at all: {@code HttpApi.stop} warns of it.
 */
final class ShutdownSteps {
    private static final Logger log = LoggerFactory.getLogger(ShutdownSteps.class);

    /** One part of the server to stop; may throw whatever its close throws. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    private ShutdownSteps() {}

    /**
     * Runs {@code step}. A failure is one log entry naming the step, with its stack trace (it is a fault,
     * not a condition the stop expects), and is not thrown: an error too, since what stops after it may
     * still commit data.
     */
    static void run(String what, Step step) {
        try {
            step.run();
        }
        catch (Exception | Error e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.error("Stopping {} failed: {}", what, e.toString(), e);
        }
    }
}
