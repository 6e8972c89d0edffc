package io.seatguard.server.dashboard;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.FieldError;
import io.seatguard.core.error.SeatguardException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * At most a few password hashes at once. Each Argon2id hash takes 19 MiB, and every sign-in costs one
 * whether or not its email exists (unknown ones are checked against a dummy hash, so their answer takes
 * as long), so anonymous sign-ins at once could take the heap: sixty of them at {@code -Xmx384m} ended
 * in OutOfMemoryError and 500s. More hashes than cores at once finish no sooner anyway.
 *
 * <p>A hash waits {@link #DEFAULT_WAIT} at most for its turn; past that it is refused with {@code 429
 * rate_limited} (a problem document naming {@code password}, with {@code Retry-After}). 429 rather than
 * 503: the refusal is of a flood of sign-ins, and the server is not down for anything else. No password
 * was checked then, and the sign-in (or change of password or second factor) gives back the try it had
 * reserved (OperatorService): counted, a flood's refusals ran operators' own sign-ins into their back-off.
 */
final class HashGate {
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);

    private final Semaphore permits;
    private final Duration wait;

    HashGate(int permits, Duration wait) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1");
        }
        this.permits = new Semaphore(permits, true);
        this.wait = requireNonNull(wait, "wait is null");
    }

    /** As many hashes at once as the machine has cores. */
    static HashGate forThisMachine() {
        return new HashGate(Math.max(1, Runtime.getRuntime().availableProcessors()), DEFAULT_WAIT);
    }

    /** Runs {@code hash} once a permit is free, or refuses it. */
    <T> T run(Supplier<T> hash) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new SeatguardException(ErrorCode.RATE_LIMITED, "Too many passwords are being checked at once; try again in a moment",
                    List.of(new FieldError("password", "could not be checked now: too many sign-ins at once")));
        }
        try {
            return hash.get();
        }
        finally {
            permits.release();
        }
    }
}
