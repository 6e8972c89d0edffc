package io.seatguard.core.setup;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.app.AppWithSecret;
import io.seatguard.core.operator.Operator;
import java.util.Map;
import java.util.Optional;

/**
 * What a first start stores, each part only where the store still lacks it ({@link FirstStartStore}).
 *
 * @param settings       each stored unless a setting of its name exists (the admin token's hash)
 * @param appIfNone      stored unless the store holds an app (the {@code default} app)
 * @param operatorIfNone stored unless the store has an operator who manages every app (the first dashboard operator;
 *                       one limited to apps or read-only does not count)
 */
public record FirstStartPlan(Map<String, String> settings, Optional<AppWithSecret> appIfNone, Optional<Operator> operatorIfNone) {
    public static final FirstStartPlan NOTHING = new FirstStartPlan(Map.of(), Optional.empty(), Optional.empty());

    public FirstStartPlan {
        settings = Map.copyOf(requireNonNull(settings, "settings is null"));
        requireNonNull(appIfNone, "appIfNone is null");
        requireNonNull(operatorIfNone, "operatorIfNone is null");
    }

    public boolean isEmpty() {
        return settings.isEmpty() && appIfNone.isEmpty() && operatorIfNone.isEmpty();
    }
}
