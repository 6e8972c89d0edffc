package io.seatguard.server.http;

import io.seatguard.storage.RepeatedFailures;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * How many requests run at once, so that health checks and metrics are always answered.
 *
 * <p>Why: every request runs on a thread of one pool, and a request waiting on the database holds its
 * thread. When PostgreSQL falls silent, a few hundred connections' requests took every thread for the
 * seconds it takes to find the database unreachable, and {@code /healthz} went unanswered with them: a
 * load balancer or orchestrator would have taken a node out (or restarted it) for a database outage
 * that restarting cannot mend. Jetty's {@link QoSHandler} runs at most {@link #forThreads} requests at
 * once and parks the rest without a thread, in arrival order, so some threads stay free; the operations
 * routes ({@link #NEVER_WAITING}) are not counted and never park. A request parked for longer than
 * {@link #MAX_WAIT} is answered {@code 503} (the SDKs give up after 5 s anyway; answering frees the
 * connection and tells the client to retry). As many requests may wait as there are connections (each
 * connection has one request at a time): a waiting request holds its connection and its body, which
 * {@link WholeBodyFirst} had read before anyway, so a count bound below that would only turn away a burst
 * the node could serve within the wait (Jetty's default, 1,024, is half a second of evaluations here).
 */
final class RequestSlots {
    /** Threads of the pool's maximum kept from requests: Jetty's acceptor, selector and reserved threads, and the operations routes. */
    static final int THREADS_KEPT = 16;
    /** The pool's size (Javalin's default): more threads add no throughput on two cores, only memory. */
    static final int MAX_THREADS = 250;
    static final int MIN_THREADS = 8;
    /** Longest a request waits for a slot before it is answered 503. */
    static final Duration MAX_WAIT = Duration.ofSeconds(5);
    /** Routes that run at once however many requests wait: what load balancers and monitoring ask. */
    static final List<String> NEVER_WAITING = List.of("/healthz", "/readyz", "/metrics");

    private RequestSlots() {}

    /** The request threads: a pool of {@code maxThreads}, its idle threads ended after a minute. */
    static QueuedThreadPool threadPool(int maxThreads) {
        QueuedThreadPool pool = new QueuedThreadPool(maxThreads, Math.min(MIN_THREADS, maxThreads), 60_000);
        pool.setName("JettyServerThreadPool");
        return pool;
    }

    /** Requests that may run at once in a pool of {@code maxThreads}. */
    static int forThreads(int maxThreads) {
        return Math.max(1, maxThreads - THREADS_KEPT);
    }

    /** The handler that runs {@link #forThreads} requests at once and parks up to {@code maxWaiting} others, each at most {@code maxWait}. */
    static QoSHandler handler(EdgeLimits limits) {
        QoSHandler slots = new Shedding(forThreads(limits.maxThreads()), limits.maxWaiting(), limits.maxWait());
        slots.setMaxRequestCount(forThreads(limits.maxThreads()));
        slots.setMaxSuspend(limits.maxWait());
        slots.setMaxSuspendedRequestCount(limits.maxWaiting());
        slots.excludePath(NEVER_WAITING.toArray(String[]::new));
        return slots;
    }

    /**
     * Says in the log when requests are shed, which nothing else would: they never reach a route, so
     * neither the route's metrics nor {@link Problems} see them. Once, then counted every 30 s, as the
     * storage 503s are: an overloaded node sheds hundreds a second.
     */
    private static final class Shedding extends QoSHandler {
        private static final Logger log = LoggerFactory.getLogger(RequestSlots.class);
        private final RepeatedFailures shed = new RepeatedFailures(log);
        private final String waitedTooLong;
        private final String tooManyWaiting;

        Shedding(int slots, int maxWaiting, Duration maxWait) {
            this.waitedTooLong = "A request waited " + maxWait.toMillis() + " ms for one of the " + slots
                    + " request slots and was answered 503 unavailable: the node is overloaded";
            this.tooManyWaiting = "A request found " + maxWaiting + " others waiting for one of the " + slots
                    + " request slots and was answered 503 unavailable: the node is overloaded";
        }

        // With the id of the request the line is about (the first shed, or the one that logs the count),
        // which its 503 answers too: this runs on Jetty's scheduler or selector, never a route's thread.
        @Override
        protected void expireSuspended(Request request, Response response, Callback callback) {
            RequestIds.withIdInLogs(request, () -> shed.failed(Level.WARN, waitedTooLong, ""));
            super.expireSuspended(request, response, callback);
        }

        @Override
        protected void reject(Request request, Response response, Callback callback, int status) {
            RequestIds.withIdInLogs(request, () -> shed.failed(Level.WARN, tooManyWaiting, ""));
            super.reject(request, response, callback, status);
        }
    }
}
