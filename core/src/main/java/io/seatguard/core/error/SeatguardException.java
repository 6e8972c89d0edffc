package io.seatguard.core.error;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A failure with a code the HTTP edge knows how to report; the detail is safe to show a client. */
public class SeatguardException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final List<FieldError> errors;

    public SeatguardException(ErrorCode code, String detail) {
        this(code, detail, List.of(), null);
    }

    public SeatguardException(ErrorCode code, String detail, List<FieldError> errors) {
        this(code, detail, errors, null);
    }

    public SeatguardException(ErrorCode code, String detail, List<FieldError> errors, Throwable cause) {
        super(requireNonNull(detail, "detail is null"), cause);
        this.code = requireNonNull(code, "code is null");
        this.errors = List.copyOf(requireNonNull(errors, "errors is null"));
    }

    public static SeatguardException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new SeatguardException(ErrorCode.INVALID_INPUT, detail, errors);
    }

    public static SeatguardException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static SeatguardException notFound(String what) {
        return new SeatguardException(ErrorCode.NOT_FOUND, what + " was not found");
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
