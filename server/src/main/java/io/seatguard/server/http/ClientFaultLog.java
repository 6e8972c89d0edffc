package io.seatguard.server.http;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.error.LogText;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * The INFO line each answer to a client's fault (a 4xx) gets, up to {@link #LINES_PER_SECOND} a second;
 * beyond that they are counted by route and problem, and the count is logged with the next line that
 * is. A client's faults are its own to see (the problem document says what was wrong), but an operator
 * wants them in the log while integrating, and never a log that anyone who reads an app's client id off
 * its pages can fill at thousands of lines a second (each also costing a write on the request's thread).
 * Safe from any thread.
 */
final class ClientFaultLog {
    /** Lines a second before counting starts: every fault of a normal day, and of an integration under way. */
    static final int LINES_PER_SECOND = 20;
    /** Kinds counted at once; routes and problems are few, so this only bounds a surprise. */
    private static final int MAX_KINDS = 256;
    private static final long SECOND_NANOS = 1_000_000_000L;

    private final Logger log;
    private final LongSupplier nanoTime;
    private long windowStart;
    private int loggedInWindow;
    private final Map<String, Long> leftOut = new TreeMap<>();
    private long leftOutSince;

    ClientFaultLog(Logger log) {
        this(log, System::nanoTime);
    }

    ClientFaultLog(Logger log, LongSupplier nanoTime) {
        this.log = requireNonNull(log, "log is null");
        this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
        this.windowStart = nanoTime.getAsLong();
    }

    /**
     * A client's request was answered {@code status} with the problem {@code code}.
     *
     * @param kind what the count groups by: the method ({@link HttpMethods#counted}) and the route's template,
     *     never the path, which the client chooses ({@code POST /v3/evaluations/{id}/consume})
     * @param method the request's method, and {@code path} its path as sent, for the logged line
     * @param message the problem's detail, which may repeat what the client sent: logged as one line
     */
    void answered(String kind, String method, String path, int status, String code, String message) {
        String summary;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            if (now - windowStart >= SECOND_NANOS) {
                windowStart = now;
                loggedInWindow = 0;
            }
            if (loggedInWindow >= LINES_PER_SECOND) {
                if (leftOut.isEmpty()) {
                    leftOutSince = now;
                }
                String counted = kind + " " + status + " " + code;
                leftOut.merge(leftOut.size() < MAX_KINDS || leftOut.containsKey(counted) ? counted : "other", 1L, Long::sum);
                return;
            }
            loggedInWindow++;
            summary = leftOut.isEmpty() ? null : summary(now);
            leftOut.clear();
        }
        if (summary != null) {
            // About many requests, not the one that happened to log it: without that request's id.
            String id = MDC.get(RequestIds.NAME);
            MDC.remove(RequestIds.NAME);
            try {
                log.info("{}", summary);
            }
            finally {
                if (id != null) {
                    MDC.put(RequestIds.NAME, id);
                }
            }
        }
        // The method as sent, which the client chooses: cut as a path would be if it were as long.
        log.info("{} {} answered {} {}: {}", LogText.oneLine(Problems.abbreviate(method)), LogText.oneLine(path), status, code, LogText.oneLine(message));
    }

    private String summary(long now) {
        long total = leftOut.values().stream().mapToLong(Long::longValue).sum();
        return total + " more client errors in the " + Math.max(1, (now - leftOutSince + SECOND_NANOS - 1) / SECOND_NANOS)
                + " s before were not logged one by one (over " + LINES_PER_SECOND + " a second): "
                + leftOut.entrySet().stream().map(entry -> entry.getKey() + " ×" + entry.getValue()).collect(Collectors.joining(", "));
    }
}
