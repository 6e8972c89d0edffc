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
        if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(Duration.ofSeconds(seconds(value)));
        }
        try {
            Duration until = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return Optional.of(until.isNegative() ? Duration.ZERO : until.compareTo(Duration.ofSeconds(MAX_SECONDS)) > 0 ? Duration.ofSeconds(MAX_SECONDS) : until);
        }
        catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Whole seconds of any length, at most {@link #MAX_SECONDS}. delay-seconds is {@code 1*DIGIT}, with no
     * limit: a value too long for a {@code long} is a very long wait (as RFC 9111, 1.2.2, reads delta-seconds
     * past the largest it can hold), not "no {@code Retry-After}", which retried it after the short back-off.
     */
    private static long seconds(String digits) {
        String significant = digits.replaceFirst("^0+", "");
        return significant.length() > 10 ? MAX_SECONDS : significant.isEmpty() ? 0 : Math.min(Long.parseLong(significant), MAX_SECONDS);
    }
}
