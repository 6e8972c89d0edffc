package io.seatguard.server.http;

import io.seatguard.core.error.FieldError;
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
 * limits) as problem+json like every other error, instead of Jetty's HTML page.
 *
 * <p>Such a request could not be parsed, so Jetty closes the connection after answering; the answer now
 * says {@code Connection: close}. Without it a client that keeps connections alive (the JDK's, most
 * pools) sent its next request into the closed connection and failed with no response at all.
 */
final class ProtocolProblems extends ErrorHandler {
    private static final HttpField CLOSE = new HttpField(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());

    /** What Jetty's 503 asks a client to wait: a slot frees within a second under overload. */
    static final long BUSY_RETRY_AFTER_SECONDS = 1;

    private final Predicate<String> allowedOrigin;

    /**
     * @param allowedOrigin whether some app allows a page of this origin to read answers, by what is held
     *     in memory (an answer refused before routing must not wait on storage)
     */
    ProtocolProblems(Predicate<String> allowedOrigin) {
        this.allowedOrigin = allowedOrigin;
        setShowStacks(false);
        setShowCauses(false);
    }

    /** Jetty writes error bodies for GET, POST and HEAD only; a refused DELETE, PUT or PATCH deserves one too. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    /** Errors with a request: a path Jetty cannot decode, say. */
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
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
        // A request named by RequestIds (its header is already on the answer): the id in the document too.
        String requestId = request.getAttribute(RequestIds.ATTRIBUTE) instanceof String id ? id : null;
        response.write(true, ByteBuffer.wrap(body(code, message, requestId)), callback);
    }

    /** Errors before a request exists: headers too large, a malformed request line. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
        fields.put(CLOSE);
        return ByteBuffer.wrap(body(status, reason, null));
    }

    /**
     * Jetty's reason is a fixed phrase ("Bad UTF-8 encoding"), never request data or a stack;
     * {@code requestId} is null for an error before there was a request.
     */
    static byte[] body(int status, String reason, String requestId) {
        String detail = reason == null || reason.isBlank() ? "The request could not be read" : reason;
        String document = switch (status) {
            case 414 -> Problems.document(status, "uri-too-long", "URI too long", detail, List.of(new FieldError("uri", "is too long")), requestId);
            // A chunked body that outgrew the limit while WholeBodyFirst read it: the same problem the routes give.
            case 413 -> Problems.document(status, io.seatguard.core.error.ErrorCode.BODY_TOO_LARGE.slug(),
                    io.seatguard.core.error.ErrorCode.BODY_TOO_LARGE.title(), detail, List.of(new FieldError("body", "is too large")), requestId);
            case 431 -> Problems.document(status, "headers-too-large", "Request headers too large", detail,
                    List.of(new FieldError("headers", "are too large")), requestId);
            // Jetty answers 505 to a request line of HTTP/0.9 or HTTP/1.2: the client's fault, not ours.
            case 505 -> Problems.document(status, "http-version-not-supported", "HTTP version not supported",
                    "Send HTTP/1.1 (or HTTP/1.0)", List.of(new FieldError("request", "uses an HTTP version this server does not speak")), requestId);
            case 503 -> Problems.document(status, "unavailable", "Service unavailable",
                    "The server is busy or stopping; send the request again after Retry-After", List.of(), requestId);
            default -> status >= 500
                    ? Problems.document(status, "internal", "Internal error", "The server could not complete the request", List.of(), requestId)
                    : Problems.document(status, "malformed-request", "Malformed request", detail, List.of(new FieldError("request", detail)), requestId);
        };
        return document.getBytes(StandardCharsets.UTF_8);
    }
}
