package io.seatguard.server.http;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.error.LineBudget;
import io.seatguard.core.error.LogText;
import java.time.Duration;
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

    private final Logger log;
    private final LineBudget budget;
    /** The lines left out since the last one logged, by kind; kept under this object's lock with the budget's count. */
    private final Map<String, Long> leftOut = new TreeMap<>();

    ClientFaultLog(Logger log) {
        this(log, System::nanoTime);
    }

    ClientFaultLog(Logger log, LongSupplier nanoTime) {
        this.log = requireNonNull(log, "log is null");
        this.budget = new LineBudget(LINES_PER_SECOND, Duration.ofSeconds(1), nanoTime);
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
            LineBudget.Admission admitted = budget.admit();
            if (!admitted.logged()) {
                String counted = kind + " " + status + " " + code;
                leftOut.merge(leftOut.size() < MAX_KINDS || leftOut.containsKey(counted) ? counted : "other", 1L, Long::sum);
                return;
            }
            summary = admitted.leftOut() == 0 ? null : summary(admitted);
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

    private String summary(LineBudget.Admission admitted) {
        return admitted.leftOut() + " more client errors in the " + admitted.leftOutSeconds() + " s before were not logged one by one (over "
                + LINES_PER_SECOND + " a second): "
                + leftOut.entrySet().stream().map(entry -> entry.getKey() + " ×" + entry.getValue()).collect(Collectors.joining(", "));
    }
}
