package io.seatguard.core.checks;

import java.util.HashSet;
import java.util.Set;

/**
 * {@code country_count_24h}: countries the account was placed in over the last 24 hours, this evaluation
 * included (by vouched evaluations only, for one vouched for: {@link io.seatguard.core.account.ActivityReader#read}).
 * Zero without an account; null when the history cannot be read.
 */
public final class CountryCount24hCheck implements Check {
    @Override
    public String name() {
        return "country_count_24h";
    }

    @Override
    public CheckType type() {
        return CheckType.NUMBER;
    }

    @Override
    public Object evaluate(CheckInputs inputs) {
        if (!inputs.hasUser()) {
            return 0L;
        }
        if (inputs.activity().countries24h().isEmpty()) {
            return null;
        }
        Set<String> countries = new HashSet<>(inputs.activity().countries24h().get());
        inputs.network().place().country().ifPresent(countries::add);
        return (long) countries.size();
    }
}
