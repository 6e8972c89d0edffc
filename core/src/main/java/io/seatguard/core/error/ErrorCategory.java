package io.seatguard.core.error;

/**
 * The broad kind of an error, which the HTTP edge maps to a status code (Trino's
 * {@code StandardErrorCode} keeps the same split between a code and its category).
 */
public enum ErrorCategory {
    CLIENT,
    AUTH,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    TOO_LARGE,
    UNSUPPORTED_MEDIA,
    RATE_LIMITED,
    UNAVAILABLE,
    INTERNAL
}
