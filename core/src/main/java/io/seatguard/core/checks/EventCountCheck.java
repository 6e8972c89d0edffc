package io.seatguard.core.checks;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;

/**
 * {@code event_count}: the account's evaluations in the velocity window ({@link CheckSettings}), this one
 * included, up to {@link CheckSettings#eventCountLimit()}; for an evaluation vouched for, the vouched ones
 * ({@link io.seatguard.core.account.ActivityReader#read}). Null without an account (there is nothing to
 * count per) or when history cannot be read.
 */
public final class EventCountCheck implements Check {
    private final CheckSettings settings;

    public EventCountCheck(CheckSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    public String name() {
        return "event_count";
    }

    @Override
    public CheckType type() {
        return CheckType.NUMBER;
    }

    @Override
    public Object evaluate(CheckInputs inputs) {
        if (!inputs.hasUser() || inputs.activity().eventsInWindow().isEmpty()) {
            return null;
        }
        // Readers stop counting at the limit (SqlActivityReader), so the count and this one may pass it by one.
        return Math.min(inputs.activity().eventsInWindow().getAsLong() + 1, settings.eventCountLimit());
    }

    @Override
    public OptionalLong limit() {
        return OptionalLong.of(settings.eventCountLimit());
    }
}
