package io.seatguard.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.seatguard.core.error.ErrorCategory;
import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.LogText;
import io.seatguard.core.error.FieldError;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.storage.RepeatedFailures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The one place errors become responses: RFC 9457 problem documents with the {@code errors} extension
 * CONTRACT.md adds. Client faults are logged at INFO, server faults at ERROR with the stack; the client
 * never sees a stack trace or an internal message.
 */
public final class Problems {
    public static final String CONTENT_TYPE = "application/problem+json";
    private static final Logger log = LoggerFactory.getLogger(Problems.class);
    private static final RepeatedFailures unavailable = new RepeatedFailures(log);
    private static final ClientFaultLog clientFaults = new ClientFaultLog(log);
    /** What a 503 (storage or Redis unreachable, or full) asks a client to wait before it tries again. */
    static final int UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

    private Problems() {}

    public static int status(ErrorCategory category) {
        return switch (category) {
            case CLIENT -> 400;
            case AUTH -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA -> 415;
            case RATE_LIMITED -> 429;
            case UNAVAILABLE -> 503;
            case INTERNAL -> 500;
        };
    }

    public static void write(Context ctx, SeatguardException e) {
        int status = logged(ctx, e);
        String detail = status >= 500 && e.code() == ErrorCode.INTERNAL ? "The server could not complete the request" : e.getMessage();
        send(ctx, status, e.code(), detail, e);
    }

    /**
     * Logs {@code e} as {@link #write} does, for an answer given otherwise (a page a browser shows,
     * {@link RefusalPages}); returns its status.
     */
    static int logged(Context ctx, SeatguardException e) {
        int status = e.code() == ErrorCode.METHOD_NOT_ALLOWED ? 405 : status(e.code().category());
        // The route's template, not the path, so that evaluation ids do not make every line or count new.
        String route = ctx.attribute(HttpApi.ROUTE_ATTRIBUTE);
        if (status == 503) {
            // Storage or Redis is down or full: where it failed logged the cause once. While storage is
            // known unreachable a node refuses thousands of requests a second, so the line is logged
            // once per route and reason, then as a count every 30 s.
            unavailable.failed(Level.WARN, HttpMethods.counted(ctx.method().name()) + " " + (route == null ? LogText.oneLine(ctx.path()) : route) + " answered 503 "
                    + e.code().slug() + ": " + LogText.oneLine(e.getMessage()),
                    e.getCause() == null ? "" : " (" + LogText.oneLine(String.valueOf(e.getCause().getMessage())) + ")");
        }
        else if (status >= 500) {
            log.error("{} {} failed: {}", ctx.method(), ctx.path(), e.code().slug(), e);
        }
        else {
            clientFaults.answered(HttpMethods.counted(ctx.method().name()) + " " + (route == null ? "(no route)" : route), ctx.method().name(), ctx.path(), status, e.code().slug(),
                    e.getMessage());
        }
        return status;
    }

    /**
     * Logs a client's fault that Jetty answered before any route ran ({@link ProtocolProblems}): the same
     * INFO line as the routes' faults, in the same count of 20 a second, on the caller's logging context.
     */
    static void answeredBeforeRouting(String method, String path, int status, String slug, String detail) {
        // Counted together, not by method: Jetty takes any token as a method, and the client chooses it.
        clientFaults.answered("(before routing)", method, path, status, slug, detail);
    }

    public static void writeUnexpected(Context ctx, Throwable e) {
        logUnexpected(ctx.method().name(), ctx.path(), e);
        send(ctx, 500, ErrorCode.INTERNAL, "The server could not complete the request", null);
    }

    /**
     * How every unexpected fault (a 500) is logged, wherever it is answered: ERROR with the stack, on a
     * line that carries the request's id ({@link RequestIds}), so that the id a client quotes finds it.
     */
    static void logUnexpected(String method, String path, Throwable e) {
        log.error("{} {} failed unexpectedly", method, path, e);
    }

    private static void send(Context ctx, int status, ErrorCode code, String detail, SeatguardException e) {
        if (status == 429 && ctx.res().getHeader("Retry-After") == null) {
            // A limit that knows its wait set it already; the others ask for a second.
            ctx.header("Retry-After", "1");
        }
        if (status == 503) {
            // Storage that is down or full is seldom back within a second: a client that honours this
            // (RFC 9110, 10.2.3) spaces its retries instead of adding to the load of one that recovers.
            ctx.header("Retry-After", String.valueOf(UNAVAILABLE_RETRY_AFTER_SECONDS));
        }
        // As bytes: Javalin would encode a String in the response's charset, and Jetty knows none for
        // problem+json, so it took ISO-8859-1 and wrote '?' for every character outside it. JSON is UTF-8.
        ctx.status(status).contentType(CONTENT_TYPE).result(document(status, code.slug(), code.title(), detail, e == null ? List.of() : e.errors(),
                RequestIds.of(ctx)).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The problem document itself; {@code slug} in either spelling ({@code invalid_input} or
     * {@code invalid-input}); {@code requestId} the request's id ({@link RequestIds}), null when it has none.
     */
    static String document(int status, String slug, String title, String detail, List<FieldError> fieldErrors, String requestId) {
        ObjectNode problem = Json.MAPPER.createObjectNode();
        problem.put("type", "https://seatguard.dev/problems/" + slug.replace('_', '-'));
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        ArrayNode errors = problem.putArray("errors");
        for (FieldError error : fieldErrors) {
            errors.addObject().put("field", error.field()).put("message", error.message());
        }
        if (requestId != null) {
            problem.put(RequestIds.NAME, requestId);
        }
        return problem.toString();
    }

    /**
     * A client's value as a problem's detail names it: long values cut, so the detail stays readable, at a
     * whole character: cut between the two halves of a pair (an emoji), the lone half went out as '?'.
     */
    public static String abbreviate(String text) {
        if (text.length() <= 64) {
            return text;
        }
        int cut = Character.isHighSurrogate(text.charAt(63)) ? 63 : 64;
        return text.substring(0, cut) + "…";
    }
}
