package io.seatguard.sdk;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Seatguard answered with an error (a {@code application/problem+json} document). Subclasses name the
 * cases a backend handles differently; {@link #fieldErrors()} names each faulty field of a 400.
 */
public class SeatguardApiException extends SeatguardException {
    private static final long serialVersionUID = 1L;

    /** One faulty field of a request. */
    public record FieldError(String field, String message) {}

    private final int status;
    private final String type;
    private final transient List<FieldError> fieldErrors;
    /** Set once, by the client that read the problem, before the exception is thrown. */
    private String requestId;
    /** Likewise: the answer's {@code Retry-After}, when it had one the client could read. */
    private Duration retryAfter;

    public SeatguardApiException(int status, String type, String detail, List<FieldError> fieldErrors) {
        super(status + " " + (type == null ? "" : type + ": ") + detail);
        this.status = status;
        this.type = type;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public int status() {
        return status;
    }

    /** The problem's {@code type}, e.g. {@code .../invalid_input}; may be null. */
    public String type() {
        return type;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /**
     * The id Seatguard gave the request (the problem's {@code request_id}, also in its log): quote it when
     * you report a problem. Null when the answer named none.
     */
    public String requestId() {
        return requestId;
    }

    /**
     * How long Seatguard asked the caller to wait before sending the request again (its
     * {@code Retry-After}, on a 503 or 429; at most a day, however long it asked for); empty when the
     * answer gave none or one that is neither whole seconds nor an HTTP date. The client has retried
     * already when it could: this is what it was told when it gave up.
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The status, the problem and, when Seatguard named the request, its id. */
    @Override
    public String getMessage() {
        return requestId == null ? super.getMessage() : super.getMessage() + " [request " + requestId + "]";
    }

    SeatguardApiException withRequestId(String id) {
        this.requestId = id;
        return this;
    }

    SeatguardApiException withRetryAfter(Optional<Duration> wait) {
        this.retryAfter = wait.orElse(null);
        return this;
    }
}
