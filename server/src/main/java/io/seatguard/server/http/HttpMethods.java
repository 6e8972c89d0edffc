package io.seatguard.server.http;

import java.util.Set;

/**
 * The request's method as metrics and counted log lines may name it. Jetty takes any token as a method
 * and answers it 405 on a route, so a method used as a label or a count's key was the client's choice:
 * {@code curl -X M123} made a new timer series with its histogram on every call, and a 4,000-character
 * method sat in {@code /metrics} (found in review). The standard methods keep their names; any other is
 * {@code other}.
 */
public final class HttpMethods {
    /** What every method outside {@link #STANDARD} is counted as. */
    public static final String OTHER = "other";
    private static final Set<String> STANDARD = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

    private HttpMethods() {}

    /** {@code method} if it is one of RFC 9110's or PATCH, else {@link #OTHER}. */
    public static String counted(String method) {
        return STANDARD.contains(method) ? method : OTHER;
    }
}
