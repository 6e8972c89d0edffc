package io.seatguard.core.evaluation;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.account.AccountState;
import io.seatguard.core.account.LinkStatus;
import io.seatguard.core.account.LinkedDevice;
import io.seatguard.core.account.Seen;
import io.seatguard.core.identity.DeviceResolution;
import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.identity.KnownDevice;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides which account and device rows an evaluation needs to write.
 *
 * <p>Why: seed 000 has the SDK evaluate on every protected page view, so most evaluations repeat what
 * the store already knows — same account, device, IP and fingerprint. Re-writing those rows only moves
 * their last-seen time by seconds, yet each upsert is page writes on the single writer every
 * evaluation waits for. A profile showed those upserts as most of the writer's work.
 *
 * <p>So a known row is written only when: its last-seen is older than {@link #RESOLUTION}; or this
 * event is earlier than its first-seen (imported history); or its status must change (a logged-out
 * device signing in again, or a device only unsigned calls had let in now let in by a vouched one, or a
 * fingerprint only unsigned calls had shown for the account now shown by a vouched one); or the
 * device's type changes as {@link DeviceType#kept} says (unknown to known, a computer to a tablet). Times
 * are therefore exact to within {@link #RESOLUTION}, which is far finer than the windows that read them
 * (24 hours, 30 days). The evaluation row itself is always written.
 */
public final class WriteThrottle {
    /**
     * How stale a last-seen time may become before it is rewritten. Five minutes, not one: in a measured
     * commit on SQLite the account and device rows were half the pages written, and an account browsing
     * page after page rewrote them every minute; nothing reads these times more finely than the hour
     * between sessions ({@link io.seatguard.core.identity.DeviceResolver#SESSION_GAP}).
     */
    public static final Duration RESOLUTION = Duration.ofMinutes(5);

    private WriteThrottle() {}

    /**
     * @param attach whether the evaluation attaches the device to the account (allowed, and not a logged-out
     *     device's)
     * @param vouched whether the evaluation's account was vouched for (server mode or signed): its attach
     *     marks an unvouched link vouched ({@link LinkedDevice#vouched}), and it marks the account's
     *     fingerprint vouched ({@link Seen#vouched}): changes to write
     * @param loggedOut whether the device is logged out of the account: a device separated from a logged-out
     *     one gets a link of its own, detached, which carries the logout to its next evaluations
     * @param countryUpToDate the activity reader found the account's record in this evaluation's country
     *     current ({@link io.seatguard.core.account.AccountActivity#countryUpToDate()})
     */
    public static Touches touches(Instant at, AccountState account, DeviceResolution device, Optional<KnownDevice> known, DeviceType type,
            boolean attach, boolean vouched, boolean loggedOut, boolean hasUser, boolean countryUpToDate) {
        requireNonNull(at, "at is null");
        boolean deviceRow = device.isKnownDevice() && (device.isNew() || known.isEmpty()
                || stale(at, known.get().firstSeen(), known.get().lastSeen())
                || DeviceType.kept(known.get().type(), type) != known.get().type());
        if (!hasUser) {
            return new Touches(deviceRow, false, false, false, false, false);
        }
        Optional<LinkedDevice> link = device.isKnownDevice() ? account.device(device.deviceId()) : Optional.empty();
        // A link is made by an evaluation that attaches the device, or that carries a logout over to it;
        // a challenged or denied one leaves a device the account never had unknown to it (seed 003: a login
        // abandoned at its challenge must be challenged again), and an existing link's status alone.
        boolean linkRow = device.isKnownDevice() && (link.isEmpty()
                ? attach || loggedOut
                : stale(at, link.get().firstSeen(), link.get().lastSeen())
                        || (attach && (link.get().status().loggedOut() || vouched && !link.get().vouched())));
        return new Touches(
                deviceRow,
                needs(at, account.user()),
                needs(at, account.ip()),
                // A vouched evaluation marks the account's fingerprint vouched (Seen#vouched), a change to write.
                device.fingerprintId().isPresent() && (needs(at, account.fingerprint())
                        || vouched && account.fingerprint().filter(Seen::vouched).isEmpty()),
                linkRow,
                !countryUpToDate,
                false,
                // The device's account row: with the link, which says when it was last written; without a link
                // (a device the account was challenged or denied on), at each evaluation, as nothing read says.
                device.isKnownDevice() && (linkRow || link.isEmpty()));
    }

    private static boolean needs(Instant at, Optional<Seen> seen) {
        return seen.isEmpty() || stale(at, seen.get().first(), seen.get().last());
    }

    private static boolean stale(Instant at, Instant first, Instant last) {
        return at.isBefore(first) || at.isAfter(last.plus(RESOLUTION));
    }
}
