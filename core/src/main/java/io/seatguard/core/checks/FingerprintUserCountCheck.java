package io.seatguard.core.checks;

import java.util.OptionalLong;

/**
 * {@code fingerprint_user_count}: how many accounts of the app have shown this exact fingerprint, this
 * one included. Many accounts on one fingerprint is one machine signing into many accounts (a shared
 * computer, or an account farm). Counted for an evaluation naming no account too (a signup without a
 * user), then without it. Zero without a fingerprint; null when it cannot be read. Counted up to
 * {@link #LIMIT}: counting reads one index entry per account, and a bot signing into accounts from one
 * browser (credential stuffing) adds one with each evaluation.
 *
 * <p>An evaluation vouched for (server mode, signed identity) counts only the accounts a vouched evaluation
 * showed the fingerprint for ({@link io.seatguard.core.account.ActivityReader#read}), and this one: anyone
 * holding the public client id can send unsigned evaluations naming made-up accounts with the owner's
 * fingerprint (its components are observable), and must not get the owner refused with them.
 */
public final class FingerprintUserCountCheck implements Check {
    /** The highest count reported, and the most accounts a reader counts. */
    public static final long LIMIT = 1_000;

    @Override
    public String name() {
        return "fingerprint_user_count";
    }

    @Override
    public CheckType type() {
        return CheckType.NUMBER;
    }

    @Override
    public Object evaluate(CheckInputs inputs) {
        if (inputs.device().fingerprintId().isEmpty()) {
            return 0L;
        }
        var users = inputs.activity().fingerprintUsers();
        if (users.isEmpty()) {
            return null;
        }
        // The reader counted this account when it has shown the fingerprint, in a vouched evaluation for a vouched one.
        boolean vouchedOnly = inputs.request().identity().vouched();
        boolean includesThisAccount = inputs.account().fingerprint().filter(seen -> seen.vouched() || !vouchedOnly).isPresent();
        return Math.min(users.getAsLong() + (inputs.hasUser() && !includesThisAccount ? 1 : 0), LIMIT);
    }

    @Override
    public OptionalLong limit() {
        return OptionalLong.of(LIMIT);
    }
}
