package io.seatguard.sdk;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads a {@code Retry-After} header (RFC 9110, 10.2.3): whole seconds, or an HTTP date. Seatguard sends
 * seconds; a proxy in front of it may send a date. Anything else is no wait at all, not an error: the
 * answer's status already says what happened.
 */
final class RetryAfter {
    /** Longer than anything a server means; keeps the arithmetic away from overflow. */
    private static final long MAX_SECONDS = 86_400;

    private RetryAfter() {}

    static Optional<Duration> parse(Optional<String> header, Instant now) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().trim();
        if (!value.isEmpty() && value.length() <= 10 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(Duration.ofSeconds(Math.min(Long.parseLong(value), MAX_SECONDS)));
        }
        try {
            Duration until = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return Optional.of(until.isNegative() ? Duration.ZERO : until.compareTo(Duration.ofSeconds(MAX_SECONDS)) > 0 ? Duration.ofSeconds(MAX_SECONDS) : until);
        }
        catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
