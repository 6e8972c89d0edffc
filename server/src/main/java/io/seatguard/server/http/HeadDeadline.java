package io.seatguard.server.http;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose request head (request line and headers) has started but not ended within a
 * deadline.
 *
 * <p>Why: Jetty bounds a body's rate ({@link WholeBodyFirst}) and an idle connection's silence, but not a
 * head: a client sending one header line every few hundred milliseconds is never idle and never reaches a
 * body, and a few hundred such connections held every connection slot, so that {@code /healthz} went
 * unanswered for minutes (found in review). A real client sends its head in one go, well inside a second;
 * at the connection limit the deadline shortens, as the idle timeout does ({@link ConnectionBudget}), so
 * that a crowd trickling heads gives way to clients with whole requests.
 *
 * <p>A head is timed from the moment its first byte was seen by a sweep every {@link #SWEEP}: a connection is
 * closed between the deadline and the deadline plus one sweep. The parser's state is read from the sweep's
 * thread without a lock; a stale read delays a close by a sweep at most.
 */
final class HeadDeadline extends AbstractLifeCycle {
    /** How long a request's head may take to arrive once it has started. */
    static final Duration DEADLINE = Duration.ofSeconds(5);
    /** The same while the server holds as many connections as it may. */
    static final Duration DEADLINE_AT_LIMIT = ConnectionBudget.IDLE_TIMEOUT_AT_LIMIT;
    static final Duration SWEEP = Duration.ofMillis(250);

    private final Server server;
    private final BooleanSupplier atLimit;
    private final Duration deadline;
    private final Duration deadlineAtLimit;
    /** When each connection's current head was first seen arriving, in {@link System#nanoTime()}. */
    private final Map<EndPoint, Long> headsStarted = new ConcurrentHashMap<>();
    private ScheduledExecutorService sweeper;

    HeadDeadline(Server server, BooleanSupplier atLimit) {
        this(server, atLimit, DEADLINE, DEADLINE_AT_LIMIT);
    }

    HeadDeadline(Server server, BooleanSupplier atLimit, Duration deadline, Duration deadlineAtLimit) {
        this.server = server;
        this.atLimit = atLimit;
        this.deadline = deadline;
        this.deadlineAtLimit = deadlineAtLimit;
    }

    @Override
    protected void doStart() {
        sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "http-head-deadline");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(this::sweepSafely, SWEEP.toMillis(), SWEEP.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        sweeper.shutdownNow();
        headsStarted.clear();
    }

    private void sweepSafely() {
        try {
            sweep(System.nanoTime());
        }
        catch (RuntimeException e) {
            // A sweep that failed must not end the schedule: the next one tries again.
            LoggerFactory.getLogger(HeadDeadline.class).warn("Checking request heads' deadline failed", e);
        }
    }

    void sweep(long now) {
        long allowed = (atLimit.getAsBoolean() ? deadlineAtLimit : deadline).toNanos();
        Set<EndPoint> seen = new java.util.HashSet<>();
        for (Connector connector : server.getConnectors()) {
            for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                seen.add(endPoint);
                if (!(endPoint.getConnection() instanceof HttpConnection http) || !inHead(http.getParser())) {
                    headsStarted.remove(endPoint);
                    continue;
                }
                long started = headsStarted.computeIfAbsent(endPoint, any -> now);
                if (now - started >= allowed) {
                    headsStarted.remove(endPoint);
                    LoggerFactory.getLogger(HeadDeadline.class).debug("Closing {}: its request head took over {} ms", endPoint.getRemoteSocketAddress(),
                            allowed / 1_000_000);
                    endPoint.close();
                }
            }
        }
        headsStarted.keySet().retainAll(seen);
    }

    /** Part of a head has arrived and its end has not: the request line or its headers are being read. */
    private static boolean inHead(HttpParser parser) {
        return parser.inHeaderState() && !parser.isStart();
    }
}
