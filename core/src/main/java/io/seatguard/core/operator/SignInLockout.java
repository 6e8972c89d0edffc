package io.seatguard.core.operator;

import java.time.Duration;

/**
 * Back-off after failed sign-ins, counted per email <em>and</em> client address: five free tries, then
 * a wait that doubles from one minute up to an hour. Keyed by both, so someone guessing from one place
 * can never lock an operator (let alone all of them) out from everywhere else.
 */
public final class SignInLockout {
    public static final int FREE_TRIES = 5;
    public static final Duration WINDOW = Duration.ofHours(1);
    static final Duration MAX_WAIT = Duration.ofHours(1);

    private SignInLockout() {}

    /** How long to wait before the next try after {@code failures} recent failures; zero when none is needed. */
    public static Duration waitAfter(int failures) {
        if (failures < FREE_TRIES) {
            return Duration.ZERO;
        }
        long minutes = 1L << Math.min(10, failures - FREE_TRIES);
        Duration wait = Duration.ofMinutes(minutes);
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }
}
