package io.seatguard.core.checks;

import java.util.OptionalLong;

/**
 * {@code fingerprint_user_count}: how many accounts of the app have shown this exact fingerprint, this
 * one included. Many accounts on one fingerprint is one machine signing into many accounts (a shared
 * computer, or an account farm). Counted for an evaluation naming no account too (a signup without a
 * user), then without it. Zero without a fingerprint; null when it cannot be read. Counted up to
 * {@link #LIMIT}: counting reads one index entry per account, and a bot signing into accounts from one
 * browser (credential stuffing) adds one with each evaluation.
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
        boolean includesThisAccount = inputs.account().fingerprintKnown();
        return Math.min(users.getAsLong() + (inputs.hasUser() && !includesThisAccount ? 1 : 0), LIMIT);
    }

    @Override
    public OptionalLong limit() {
        return OptionalLong.of(LIMIT);
    }
}
