package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * While a Redis link's {@link OutageGate} is closed, asks Redis in the background whether it answers
 * again (a {@code PING} every {@link RedisLink#PROBE_INTERVAL}), and opens the gate when it does.
 *
 * <p>Why: the gate opens only on a command answered, and only requests send commands. A link used
 * seldom (attempt limits: a code check now and then) or not at all for a while (presence on a quiet
 * night) stayed closed long after Redis was back, so {@code /readyz} and {@code seatguard_redis_connected}
 * said it took no commands and the {@code SeatguardRedisDown} alert fired for hours.
 *
 * <p>Nothing is sent while the gate is open: the thread is started when the gate closes and ends when it
 * opens (whether this probe or a request's command opened it), or when the link is closed. A
 * {@code PING} waits at most the link's command timeout; one that fails only waits for the next turn.
 */
final class RedisOutageProbe implements AutoCloseable {
    private final OutageGate gate;
    private final Runnable ping;
    private final Duration interval;
    private final AtomicLong sent = new AtomicLong();
    /** The probing thread, or null when none runs; guarded by {@code this}. */
    private Thread running;
    /** Set once by {@link #close}; guarded by {@code this}. */
    private boolean closed;

    /** @param ping sends Redis a {@code PING} and waits for its answer, or throws */
    RedisOutageProbe(OutageGate gate, Runnable ping, Duration interval) {
        this.gate = requireNonNull(gate, "gate is null");
        this.ping = requireNonNull(ping, "ping is null");
        this.interval = requireNonNull(interval, "interval is null");
    }

    /** The gate closed: probe until it opens, unless a probe runs already. */
    synchronized void start() {
        if (closed || running != null) {
            return;
        }
        running = Thread.ofVirtual().name("redis-outage-probe").start(this::probeUntilOpen);
    }

    private void probeUntilOpen() {
        while (stillNeeded()) {
            try {
                Thread.sleep(interval);
            }
            catch (InterruptedException e) {
                return;   // only close() interrupts
            }
            if (!stillNeeded()) {
                return;
            }
            try {
                sent.incrementAndGet();
                ping.run();
                gate.answered();
            }
            catch (RuntimeException e) {
                gate.failed(e);
            }
        }
    }

    /**
     * Decided under the lock that {@link #start} takes, so that a gate closing again just as this probe
     * sees it open either keeps this probe going or starts a new one, never neither.
     */
    private synchronized boolean stillNeeded() {
        if (closed || !gate.isClosed()) {
            running = null;
            return false;
        }
        return true;
    }

    /** How many {@code PING}s it has sent, for tests: none while Redis answers. */
    long sent() {
        return sent.get();
    }

    /** Whether a probing thread is alive now (after {@link #close}, whether it has ended). */
    synchronized boolean isRunning() {
        return running != null && running.isAlive();
    }

    /** Stops probing for good, and waits (at most a little longer than one {@code PING}) for the thread to end. */
    @Override
    public void close() {
        Thread thread;
        synchronized (this) {
            closed = true;
            thread = running;
        }
        if (thread == null) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(RedisLink.COMMAND_TIMEOUT.plusSeconds(1));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
