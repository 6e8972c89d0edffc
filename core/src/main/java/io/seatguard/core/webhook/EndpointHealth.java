package io.seatguard.core.webhook;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Whether an endpoint is sent to, and since when its tries fail (docs/webhooks.md, "Disabled endpoints").
 * A disabled endpoint gets no new deliveries and its pending ones are marked failed; it is enabled again
 * only by hand.
 *
 * @param disabledAt when it was disabled; empty while it is enabled
 * @param disabledReason why: by hand, or by {@link #AUTO_DISABLE_AFTER} of failing tries; empty while enabled
 * @param failingSince when the first try that failed since the last 2xx was recorded, on the database's clock; empty when the last try succeeded
 */
public record EndpointHealth(Optional<Instant> disabledAt, Optional<DisabledReason> disabledReason, Optional<Instant> failingSince) {
    /**
     * How long an endpoint's tries may keep failing, with no 2xx between, before a failed try disables it.
     * Longer than a message's whole retry schedule (about 27.5 h) several times over, so a receiver down
     * for a long weekend is not cut off, yet a dead one is not tried for ever.
     */
    public static final Duration AUTO_DISABLE_AFTER = Duration.ofDays(5);

    /** What the error of a delivery marked failed because its endpoint was disabled says. */
    public static final String DISABLED_ERROR = "endpoint disabled";

    public static final EndpointHealth ENABLED = new EndpointHealth(Optional.empty(), Optional.empty(), Optional.empty());

    public EndpointHealth {
        requireNonNull(disabledAt, "disabledAt is null");
        requireNonNull(disabledReason, "disabledReason is null");
        requireNonNull(failingSince, "failingSince is null");
    }

    public boolean enabled() {
        return disabledAt.isEmpty();
    }

    /** Why an endpoint was disabled, as stored and shown. */
    public enum DisabledReason {
        MANUAL("manual"),
        FAILING("failing");

        private final String wireName;

        DisabledReason(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Optional<DisabledReason> of(String name) {
            return Arrays.stream(values()).filter(reason -> reason.wireName.equals(name)).findFirst();
        }
    }
}
