package io.seatguard.population;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.account.AccountActivity;
import io.seatguard.core.account.ActivityReader;
import io.seatguard.core.testing.InMemoryEvaluationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The part of an account's activity the simulation reads: how many accounts share the evaluation's
 * fingerprint, and how many its device was used on ({@code fingerprint_user_count}, {@code
 * device_user_count}). The rest stays unknown: the in-memory store reads an account's events by scanning
 * them all, which over 3 x 10^5 visits would take hours, and no other history check is measured here.
 */
final class AccountCounts implements ActivityReader {
    private final InMemoryEvaluationStore store;

    AccountCounts(InMemoryEvaluationStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    @Override
    public AccountActivity read(String appId, String userId, Optional<String> country, Optional<String> fingerprintId, Instant at,
            Duration velocityWindow, boolean vouchedOnly) {
        return new AccountActivity(Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty(),
                fingerprintId.map(id -> store.accountsOnFingerprint(appId, id, vouchedOnly)).orElse(OptionalLong.empty()));
    }

    @Override
    public OptionalLong accountsOnFingerprint(String appId, String fingerprintId, boolean vouchedOnly) {
        return store.accountsOnFingerprint(appId, fingerprintId, vouchedOnly);
    }

    @Override
    public OptionalLong accountsOnDevice(String appId, String deviceId, Optional<String> otherThan, boolean vouchedOnly) {
        return store.accountsOnDevice(appId, deviceId, otherThan, vouchedOnly);
    }
}
