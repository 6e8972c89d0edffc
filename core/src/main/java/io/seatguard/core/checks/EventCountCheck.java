package io.seatguard.core.checks;

/**
 * {@code event_count}: the account's evaluations in the velocity window ({@link CheckSettings}), this one
 * included. Null without an account (there is nothing to count per) or when history cannot be read.
 */
public final class EventCountCheck implements Check {
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
        return inputs.activity().eventsInWindow().getAsLong() + 1;
    }
}
