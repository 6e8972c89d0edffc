package io.seatguard.core.policy;

/**
 * Three-valued logic for conditions. A check that could not be computed (presence down, no location) is
 * unknown, and a policy matches only on {@link #TRUE}: missing data never challenges anyone, and
 * {@code not} of unknown stays unknown rather than turning into a match.
 */
enum Truth {
    TRUE,
    FALSE,
    UNKNOWN;

    static Truth of(boolean value) {
        return value ? TRUE : FALSE;
    }

    Truth not() {
        return switch (this) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
