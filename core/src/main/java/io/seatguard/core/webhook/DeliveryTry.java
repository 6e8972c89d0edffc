package io.seatguard.core.webhook;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One try of a delivery, as recorded when it ended.
 *
 * @param attempt numbered from 1 across the delivery's life: a redelivery's tries go on from the last
 *     number, though its retry schedule starts again
 * @param at when the try started (its name lookup); it ended {@code took} later
 * @param statusCode the receiver's answer; empty when there was none (refused, timed out, a private address)
 * @param error why the try failed (no answer, or an answer other than 2xx); empty when it was delivered
 */
public record DeliveryTry(int attempt, Instant at, Optional<Integer> statusCode, Optional<String> error, Duration took) {
    public DeliveryTry {
        requireNonNull(at, "at is null");
        requireNonNull(statusCode, "statusCode is null");
        requireNonNull(error, "error is null");
        requireNonNull(took, "took is null");
    }
}
