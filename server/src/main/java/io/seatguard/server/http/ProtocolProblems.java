package io.seatguard.server.http;

import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.FieldError;
import io.seatguard.server.ServerMetrics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the requests Jetty refuses before any route sees them (a path with {@code %00}, bad UTF-8 or an
 * escape other than {@code %} and two hex digits, such as {@code %u0041}; a URI or headers over the
 * limits) as problem+json like every other error, instead of Jetty's HTML page; on a path a browser
 * opens (a challenge page, the dashboard) as a plain page instead ({@link RefusalPages}). Each answer
 * carries the request's id ({@link RequestIds}), and each client fault gets the routes' INFO line with it.
 *
 * <p>Such a request could not be parsed, so Jetty closes the connection after answering; the answer now
 * says {@code Connection: close}. Without it a client that keeps connections alive (the JDK's, most
 * pools) sent its next request into the closed connection and failed with no response at all.
 *
 * <p>Each answer is counted in the request metrics as {@link ServerMetrics#UNMATCHED_ROUTE}: no route ran,
 * so Javalin's request logger, which counts the routed ones, never sees it. Uncounted, a 413 on
 * {@code POST /v3/evaluate}, a flood of malformed requests or a stopping node's 503s were missing from
 * {@code seatguard_http_requests_seconds_count} and from the alerts on it (found in review).
 */
final class ProtocolProblems extends ErrorHandler {
    private static final HttpField CLOSE = new HttpField(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());

    /** What Jetty's 503 asks a client to wait: a slot frees within a second under overload. */
    static final long BUSY_RETRY_AFTER_SECONDS = 1;

    private final Predicate<String> allowedOrigin;
    private final ServerMetrics metrics;

    /**
     * @param allowedOrigin whether some app allows a page of this origin to read answers, by what is held
     *     in memory (an answer refused before routing must not wait on storage)
     * @param metrics where each answer is counted
     */
    ProtocolProblems(Predicate<String> allowedOrigin, ServerMetrics metrics) {
        this.allowedOrigin = allowedOrigin;
        this.metrics = metrics;
        setShowStacks(false);
        setShowCauses(false);
    }

    /** Jetty writes error bodies for GET, POST and HEAD only; a refused DELETE, PUT or PATCH deserves one too. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    /**
     * Every error Jetty answers itself: the requests it refuses before any handler runs (a path it cannot
     * decode, a URI or headers too large, a Content-Length beside a Transfer-Encoding), given as a request
     * holding what it had read ({@link #unread}), and the handlers' own refusals (a full or stopping
     * server's 503, a body too large).
     */
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        // Most were named by RequestIds.naming(); those refused before any handler ran are named here.
        String requestId = RequestIds.named(request, response);
        // Jetty's stand-in for a request line it could not read has the method BAD, which is counted as "other".
        metrics.requestCompleted(request.getMethod(), ServerMetrics.UNMATCHED_ROUTE, code, System.nanoTime() - request.getBeginNanoTime());
        if (code < 500) {
            response.getHeaders().put(CLOSE);
        }
        else if (code == 503) {
            // Jetty's own 503s: a request that waited too long for a slot (RequestSlots), or one that
            // arrived while the server stops. Either may be sent again soon, to this node or another.
            response.getHeaders().put(HttpHeader.RETRY_AFTER, BUSY_RETRY_AFTER_SECONDS);
        }
        // A page of an allowed origin may read why it was refused (a full or stopping server's 503, a body
        // too large), as it may read the routes' own refusals (Cors), instead of seeing a network error.
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null && allowedOrigin.test(origin)) {
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS, Cors.EXPOSED_HEADERS);
            response.getHeaders().add(HttpHeader.VARY, "Origin");
        }
        // Jetty gives a request line it could not read no reason but its status phrase; its usual cause is the URI.
        Problem problem = problem(code, unread(request) && code == 400 && "Bad Request".equals(message) ? UNREAD_LINE : message);
        String path = unread(request) ? null : request.getHttpURI().getPath();
        if (code < 500 || code == 505) {
            // A client's fault, logged as the routes' are (one INFO line, counted beyond 20 a second), with the
            // id the answer gives: the one line an operator can find from a client's report of it.
            RequestIds.withIdInLogs(request, () -> Problems.answeredBeforeRouting(path == null ? "A request" : request.getMethod(),
                    path == null ? "whose request line could not be read" : path, code, problem.slug(), problem.detail()));
        }
        if (RefusalPages.forBrowser(path)) {
            // A browser opened this address (a challenge page, the dashboard): a page it shows, not JSON.
            RefusalPages.HEADERS.forEach(response.getHeaders()::put);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, RefusalPages.CONTENT_TYPE);
            response.write(true, ByteBuffer.wrap(RefusalPages.page(code)), callback);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(problem.document(requestId).getBytes(StandardCharsets.UTF_8)), callback);
    }

    /**
     * Whether Jetty could not read the request line (a URI too long, say): it then answers a stand-in
     * request, {@code BAD /badMessage} (its HttpConnection.RequestHandler.badMessage), whose path is not
     * the client's. A request with a request line and too many headers keeps its method and path, but
     * Jetty gives it none of its headers, so neither its {@code X-Request-Id} nor its {@code Origin}.
     */
    private static boolean unread(Request request) {
        return "BAD".equals(request.getMethod()) && "/badMessage".equals(request.getHttpURI().getPath());
    }

    /**
     * Not called by Jetty 12.1, which answers even a request it could not read through
     * {@link #generateResponse}; kept so that a Jetty that calls it still answers a problem with an id.
     */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String requestId = RequestIds.newId();
        fields.put(RequestIds.HEADER, requestId);
        fields.put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
        fields.put(CLOSE);
        return ByteBuffer.wrap(problem(status, reason).document(requestId).getBytes(StandardCharsets.UTF_8));
    }

    /** A problem document's members; {@link #document} adds the request's id. */
    record Problem(int status, String slug, String title, String detail, List<FieldError> errors) {
        String document(String requestId) {
            return Problems.document(status, slug, title, detail, errors, requestId);
        }
    }

    /** What a request line Jetty could not read gets instead of "Bad Request", which names nothing. */
    static final String UNREAD_LINE = "The request line could not be read: its URI may hold a NUL (%00), a % not followed by two hex digits,"
            + " or a character that must be escaped";

    /** Jetty's reason is a fixed phrase ("Bad UTF-8 encoding"), never request data or a stack. */
    static Problem problem(int status, String reason) {
        String detail = reason == null || reason.isBlank() ? "The request could not be read" : reason;
        // The URI's own faults, as Jetty (12.1) names them when it decodes the path, name the uri.
        if (status == 400 && "Bad UTF-8 encoding".equals(reason)) {
            return new Problem(status, "malformed-request", "Malformed request", "The URI's %-escapes do not decode as UTF-8",
                    List.of(new FieldError("uri", "holds %-escaped bytes that are not UTF-8")));
        }
        if (status == 400 && "UTF-16 encoding".equals(reason)) {
            return new Problem(status, "malformed-request", "Malformed request", "The URI holds a %u escape; write each byte as % and two hex digits",
                    List.of(new FieldError("uri", "holds a %u escape")));
        }
        return switch (status) {
            case 414 -> new Problem(status, "uri-too-long", "URI too long", detail, List.of(new FieldError("uri", "is too long")));
            // A chunked body that outgrew the limit while WholeBodyFirst read it: the same problem the routes give.
            case 413 -> new Problem(status, ErrorCode.BODY_TOO_LARGE.slug(), ErrorCode.BODY_TOO_LARGE.title(), detail,
                    List.of(new FieldError("body", "is too large")));
            case 431 -> new Problem(status, "headers-too-large", "Request headers too large", detail, List.of(new FieldError("headers", "are too large")));
            // Jetty answers 505 to a request line of HTTP/0.9 or HTTP/1.2: the client's fault, not ours.
            case 505 -> new Problem(status, "http-version-not-supported", "HTTP version not supported", "Send HTTP/1.1 (or HTTP/1.0)",
                    List.of(new FieldError("request", "uses an HTTP version this server does not speak")));
            case 503 -> new Problem(status, "unavailable", "Service unavailable", "The server is busy or stopping; send the request again after Retry-After",
                    List.of());
            default -> status >= 500
                    ? new Problem(status, "internal", "Internal error", "The server could not complete the request", List.of())
                    : new Problem(status, "malformed-request", "Malformed request", detail, List.of(new FieldError("request", detail)));
        };
    }
}
