package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * What {@code /readyz} says of storage, within a bound a load balancer's probe waits for.
 *
 * <p>Why: the check borrows a read connection, and when every one is held (requests waiting on locked
 * rows, a slow database) it waited for one as long as a request does: 5 s on PostgreSQL, Hikari's 30 s
 * on SQLite. A probe that gives up after 1–5 s then learnt nothing but a timeout. Here the check runs on a
 * thread of its own and is waited for up to {@link #BUDGET}; one still running is then judged by the
 * pool: every connection taken is {@link State#SATURATED}, otherwise the database did not answer in time
 * ({@link State#UNREACHABLE}). At most one check runs at a time: probes arriving meanwhile wait for it
 * rather than pile more threads onto a full pool.
 */
public final class StorageReadiness {
    /** How long {@code /readyz} waits for storage: well within the 1–5 s a load balancer's probe allows. */
    static final Duration BUDGET = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(StorageReadiness.class);

    /** Storage as {@code /readyz} reports it. */
    public enum State {
        /** It answered within the budget. */
        OK,
        /** Every read connection is taken and none came free within the budget: requests wait for one too. */
        SATURATED,
        /** It did not answer, or is known to be unreachable ({@link OutageGate}). */
        UNREACHABLE
    }

    private final BooleanSupplier reachable;
    private final BooleanSupplier poolFull;
    private CompletableFuture<Boolean> running;
    /** The check answers false for every failure it expects: what it throws is a bug, logged (once per interval: probes repeat). */
    private final RepeatedFailures checkFailures = new RepeatedFailures(log);

    /**
     * @param reachable the check itself (it may wait for a connection and for the database's answer)
     * @param poolFull  whether every read connection is taken now
     */
    StorageReadiness(BooleanSupplier reachable, BooleanSupplier poolFull) {
        this.reachable = requireNonNull(reachable, "reachable is null");
        this.poolFull = requireNonNull(poolFull, "poolFull is null");
    }

    State state() {
        try {
            if (check().get(BUDGET.toMillis(), TimeUnit.MILLISECONDS)) {
                return State.OK;
            }
            // A check that failed while every connection is still taken, the gate open, most likely ran out of
            // the pool's wait: load, which on embedded storage closes no gate (OutageGate.forEmbeddedDatabase).
            // Said unreachable, the probe that happened to wait for that check's end (one in five while the pool
            // stayed full) took the only node out of its load balancer at its busiest (found in review).
            return poolFull.getAsBoolean() ? State.SATURATED : State.UNREACHABLE;
        }
        catch (TimeoutException late) {
            return poolFull.getAsBoolean() ? State.SATURATED : State.UNREACHABLE;
        }
        catch (ExecutionException e) {
            return State.UNREACHABLE;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return State.UNREACHABLE;
        }
    }

    /** The check running now, or a new one: a late check goes on in the background and answers the next probes. */
    private synchronized CompletableFuture<Boolean> check() {
        if (running == null || running.isDone()) {
            CompletableFuture<Boolean> next = new CompletableFuture<>();
            Thread.ofPlatform().daemon().name("seatguard-readiness").start(() -> {
                try {
                    next.complete(reachable.getAsBoolean());
                }
                catch (Throwable e) {
                    // Throwable, not only RuntimeException: an Error (an assertion, a stack overflow) left the
                    // future open for good, and every later probe waited out the budget for it and answered
                    // from the pool alone, with nothing in the log (found in review). Logged before the probe
                    // waiting on it is answered, so the line is there by the time /readyz says unreachable.
                    try {
                        checkFailures.failed(Level.ERROR, "The storage readiness check failed", e);
                    }
                    finally {
                        next.completeExceptionally(e);
                    }
                }
            });
            running = next;
        }
        return running;
    }
}
