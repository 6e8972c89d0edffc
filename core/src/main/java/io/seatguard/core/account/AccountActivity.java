package io.seatguard.core.account;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What an account did recently, read from its stored evaluations just before this one. For an evaluation
 * vouched for (server mode, signed identity), {@code lastLocated}, {@code countries24h}, {@code
 * eventsInWindow} and {@code fingerprintUsers} are read from the vouched evaluations alone ({@link ActivityReader#read}).
 *
 * @param lastLocated the latest earlier evaluation whose place was known (for impossible travel)
 * @param countrySeenBefore whether an earlier evaluation was placed in this evaluation's country; empty
 *     when this evaluation has no country or the reader cannot tell
 * @param countries24h countries of the account's evaluations in the 24 hours before this one
 * @param eventsInWindow the account's evaluations in the velocity window before this one; a reader may stop
 *     counting at {@link io.seatguard.core.checks.CheckSettings#eventCountLimit()}
 * @param fingerprintUsers accounts of the app that have shown this evaluation's fingerprint, this one
 *     included once it has (for a vouched evaluation, in a vouched evaluation); empty without a fingerprint
 * @param countryUpToDate the store's record of the account in this evaluation's country already covers
 *     this moment as closely as the store keeps it (for a vouched evaluation, its vouched evaluations' too),
 *     so this evaluation need not write it (false when unsure: the write is then made, and the store's own
 *     condition keeps it idempotent)
 */
public record AccountActivity(
        Optional<LocatedEvent> lastLocated,
        Optional<Boolean> countrySeenBefore,
        Optional<Set<String>> countries24h,
        OptionalLong eventsInWindow,
        OptionalLong fingerprintUsers,
        boolean countryUpToDate) {
    /** Nothing could be read: checks built on history are unknown. */
    public static final AccountActivity UNKNOWN = new AccountActivity(Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty(),
            OptionalLong.empty());

    /** Activity of a reader that does not say whether the country's record is current (it is then written). */
    public AccountActivity(Optional<LocatedEvent> lastLocated, Optional<Boolean> countrySeenBefore, Optional<Set<String>> countries24h,
            OptionalLong eventsInWindow, OptionalLong fingerprintUsers) {
        this(lastLocated, countrySeenBefore, countries24h, eventsInWindow, fingerprintUsers, false);
    }

    public AccountActivity {
        requireNonNull(lastLocated, "lastLocated is null");
        requireNonNull(countrySeenBefore, "countrySeenBefore is null");
        countries24h = requireNonNull(countries24h, "countries24h is null").map(Set::copyOf);
        requireNonNull(eventsInWindow, "eventsInWindow is null");
        requireNonNull(fingerprintUsers, "fingerprintUsers is null");
    }
}
