package io.seatguard.server.http;

import java.time.Duration;

/**
 * What the HTTP edge holds at once: client connections ({@link ConnectionBudget}), request threads, and
 * how many requests may wait for one and for how long ({@link RequestSlots}). Tests shrink them to reach the limits.
 */
record EdgeLimits(int maxConnections, int maxThreads, int maxWaiting, Duration maxWait) {
    EdgeLimits {
        if (maxConnections < 1 || maxThreads <= RequestSlots.THREADS_KEPT || maxWaiting < 1 || maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("edge limits out of range: " + maxConnections + " connections, " + maxThreads + " threads, "
                    + maxWaiting + " waiting, wait " + maxWait);
        }
    }

    /** The limits of this process: connections from its open-file limit, Javalin's pool of threads, a request of each connection waiting. */
    static EdgeLimits forThisProcess() {
        int connections = ConnectionBudget.forThisProcess();
        return new EdgeLimits(connections, RequestSlots.MAX_THREADS, connections, RequestSlots.MAX_WAIT);
    }
}
