package io.seatguard.core.checks;

/**
 * {@code is_new_country}: no earlier evaluation of the account was placed in this evaluation's country.
 * False without an account; null when this evaluation's country is unknown (a VPN without a local IP).
 */
public final class IsNewCountryCheck implements Check {
    @Override
    public String name() {
        return "is_new_country";
    }

    @Override
    public CheckType type() {
        return CheckType.BOOLEAN;
    }

    @Override
    public Object evaluate(CheckInputs inputs) {
        if (!inputs.hasUser()) {
            return false;
        }
        if (inputs.network().place().country().isEmpty()) {
            return null;
        }
        return inputs.activity().countrySeenBefore().map(seen -> !seen).orElse(null);
    }
}
