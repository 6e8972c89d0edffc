package io.seatguard.core.policy;

import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.SeatguardException;
import java.util.Optional;

/**
 * A check against the app's policies and lists, then a write conditional on the version the check
 * read, done again when another change landed in between. Without it a list could be deleted while a
 * policy naming it was being created, each having checked the other before either was written, or two
 * creates could pass the count limit together.
 */
final class CheckedWrites {
    /** Changes to one app's policies are rare; eight collisions in a row mean something is rewriting them in a loop. */
    static final int MAX_ROUNDS = 8;

    /** One check and write at {@code version}; empty when the write found the version moved. */
    interface Attempt<T> {
        Optional<T> at(long version);
    }

    private CheckedWrites() {}

    static <T> T run(PolicyStore versions, String appId, Attempt<T> attempt) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Optional<T> done = attempt.at(versions.version(appId));
            if (done.isPresent()) {
                return done.get();
            }
        }
        throw new SeatguardException(ErrorCode.CONCURRENT_CHANGE, "The app's policies and lists kept changing during this write; try again");
    }
}
