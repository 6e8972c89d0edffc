package io.seatguard.core.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** Port: reads an account's recent activity from its stored evaluations (see {@link AccountActivity}). */
public interface ActivityReader {
    /** Reads nothing; every history-based check is then unknown. */
    ActivityReader NONE = (appId, userId, country, fingerprintId, at, velocityWindow, vouchedOnly) -> AccountActivity.UNKNOWN;

    /**
     * @param country this evaluation's country (its place), if known
     * @param fingerprintId this evaluation's exact fingerprint, if it had components
     * @param at this evaluation's time: only evaluations strictly before it count
     * @param vouchedOnly read the account's latest located evaluation, its countries of the day and its
     *     events in the window from the evaluations that were vouched for (server mode, signed identity)
     *     alone, for an evaluation that is vouched for itself: anyone holding the public client id can send
     *     unsigned evaluations naming any account, and must not get the owner refused with them (an
     *     impossible trip, a second country, a burst). Evaluations stored before the identity was kept with
     *     them count as unsigned. Whether the account was ever placed in the country reads every evaluation
     *     either way: one more evaluation there only makes the country less new. The accounts on the
     *     fingerprint are, likewise, those a vouched evaluation showed it for: unsigned ones could name
     *     made-up accounts with the owner's fingerprint.
     */
    AccountActivity read(String appId, String userId, Optional<String> country, Optional<String> fingerprintId, Instant at, Duration velocityWindow,
            boolean vouchedOnly);

    /** What an unsigned evaluation reads: every evaluation of the account. */
    default AccountActivity read(String appId, String userId, Optional<String> country, Optional<String> fingerprintId, Instant at,
            Duration velocityWindow) {
        return read(appId, userId, country, fingerprintId, at, velocityWindow, false);
    }

    /** An account's recent activity and the other accounts named on its device, as one evaluation reads them. */
    record WithDevice(AccountActivity activity, OptionalLong otherAccountsOnDevice) {
        public WithDevice {
            Objects.requireNonNull(activity, "activity is null");
            Objects.requireNonNull(otherAccountsOnDevice, "otherAccountsOnDevice is null");
        }
    }

    /**
     * {@link #read}, and {@link #accountsOnDevice} other than this account for a device seen before ({@code
     * deviceId}; none other without one): what an evaluation naming an account reads. A reader that answers
     * both at once overrides it (on PostgreSQL one round trip instead of two).
     */
    default WithDevice readWithDevice(String appId, String userId, Optional<String> country, Optional<String> fingerprintId,
            Optional<String> deviceId, Instant at, Duration velocityWindow, boolean vouchedOnly) {
        AccountActivity activity = read(appId, userId, country, fingerprintId, at, velocityWindow, vouchedOnly);
        return new WithDevice(activity, deviceId.isPresent()
                ? accountsOnDevice(appId, deviceId.get(), Optional.of(userId), vouchedOnly)
                : OptionalLong.of(0));
    }

    /**
     * The accounts of the app that have shown this fingerprint, for an evaluation that names no account
     * (a signup without a user is where one browser opening many accounts shows); with {@code vouchedOnly}
     * (the evaluation is vouched for), those that showed it in a vouched evaluation, as {@link #read}
     * counts them. Empty when it cannot be read, which is what a reader that reads nothing answers.
     */
    default OptionalLong accountsOnFingerprint(String appId, String fingerprintId, boolean vouchedOnly) {
        return OptionalLong.empty();
    }

    /**
     * The accounts of the app that evaluations named on this device (allowed, challenged or denied alike),
     * other than {@code otherThan}, up to {@link io.seatguard.core.checks.DeviceUserCountCheck#LIMIT}; with
     * {@code vouchedOnly} (the evaluation is vouched for), those a vouched evaluation named on it. Empty when
     * it cannot be read, which is what a reader that reads nothing answers.
     */
    default OptionalLong accountsOnDevice(String appId, String deviceId, Optional<String> otherThan, boolean vouchedOnly) {
        return OptionalLong.empty();
    }
}
