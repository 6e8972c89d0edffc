package io.seatguard.core.checks;

import static java.util.Objects.requireNonNull;

/** {@code has_high_velocity}: {@code event_count} reached the configured threshold. False when it is unknown. */
public final class HasHighVelocityCheck implements Check {
    private final CheckSettings settings;

    public HasHighVelocityCheck(CheckSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    public String name() {
        return "has_high_velocity";
    }

    @Override
    public CheckType type() {
        return CheckType.BOOLEAN;
    }

    @Override
    public Object evaluate(CheckInputs inputs) {
        if (!inputs.hasUser() || inputs.activity().eventsInWindow().isEmpty()) {
            return false;
        }
        return inputs.activity().eventsInWindow().getAsLong() + 1 >= settings.highVelocityEvents();
    }
}
