package io.seatguard.core.account;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What the store knew about an account just before an evaluation: when the account, the current IP (by
 * its key, {@link AccountIpKey}: for IPv6 its /64) and the current fingerprint were first and last seen
 * for it (empty when never), and its linked devices.
 * For a request without a user this is {@link #NO_ACCOUNT}.
 *
 * <p>An account's devices are read up to {@link #DEVICE_LIMIT}. Reading, counting and matching them cost
 * one step each, and an account that a bot logs into from a new browser every time gains one with each
 * evaluation: without the limit each of its evaluations cost more than the last, and the whole server
 * slowed with it. A store that had more returns that many, the named device among them when it is
 * linked, and says so in {@link #devicesTruncated}.
 *
 * @param devices the account's links in the window asked for, and the named device's link: at most
 *     {@link #DEVICE_LIMIT} attached ones in the window count (a store reads that many, and its
 *     logged-out links in the window apart, up to as many again: those count for nothing but tell a
 *     logout), so at most {@link #MAX_LINKS_HELD} in all
 * @param devicesTruncated the store had more links than {@code devices} holds (in the window, when it
 *     read them; a cache answering from the links it keeps of such an account says so whenever the account
 *     has more links at all, and answers from memory only when at least the limit is in the window); which
 *     ones it kept is the store's choice (not the most recent: finding those would take a sort of them all)
 */
public record AccountState(Optional<Seen> user, List<LinkedDevice> devices, Optional<Seen> ip, Optional<Seen> fingerprint,
        boolean devicesTruncated) {
    /** The most device links read for an account; {@code device_count} and its siblings stop here. */
    public static final int DEVICE_LIMIT = 100;
    /** The most links one state holds: the counted ones, as many logged-out ones again, and some slack for a cache's. */
    public static final int MAX_LINKS_HELD = 2 * (DEVICE_LIMIT + 1) + 20;
    public static final AccountState NO_ACCOUNT = new AccountState(Optional.empty(), List.of(), Optional.empty(), Optional.empty());

    public AccountState {
        requireNonNull(user, "user is null");
        devices = List.copyOf(requireNonNull(devices, "devices is null"));
        if (devices.size() > MAX_LINKS_HELD) {
            throw new IllegalArgumentException("at most " + MAX_LINKS_HELD + " devices, not " + devices.size());
        }
        requireNonNull(ip, "ip is null");
        requireNonNull(fingerprint, "fingerprint is null");
    }

    /** Every link in the window read. */
    public AccountState(Optional<Seen> user, List<LinkedDevice> devices, Optional<Seen> ip, Optional<Seen> fingerprint) {
        this(user, devices, ip, fingerprint, false);
    }

    public boolean userKnown() {
        return user.isPresent();
    }

    public boolean ipKnown() {
        return ip.isPresent();
    }

    public boolean fingerprintKnown() {
        return fingerprint.isPresent();
    }

    public Optional<LinkedDevice> device(String deviceId) {
        return devices.stream().filter(device -> device.deviceId().equals(deviceId)).findFirst();
    }
}
