package io.seatguard.server.challenge;

/** The attempt-limit contract for one node's in-memory buckets. */
class LocalAttemptLimitsTest extends AttemptLimitsContract {
    @Override
    AttemptLimits open() {
        return AttemptLimits.local();
    }
}
