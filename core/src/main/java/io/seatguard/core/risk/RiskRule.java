package io.seatguard.core.risk;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One explainable reason for risk: when it fires on an evaluation's checks, it adds its points to the
 * score and to each risk category it belongs to.
 *
 * @param name the signal's name as reported in {@code risk.signals[].name}
 * @param categories the risks it counts toward ({@code account_sharing}, {@code ato})
 * @param needsAccount fires only on an evaluation that names an account: without one, {@code is_new_user}
 *     is false and the {@code is_new_*} checks mean "new to the app", which says nothing about an account
 * @param fires reads the checks and says why it fired, or empty
 */
public record RiskRule(String name, Set<String> categories, boolean needsAccount, Function<Map<String, Object>, Optional<String>> fires) {
    public RiskRule {
        requireNonNull(name, "name is null");
        categories = Set.copyOf(requireNonNull(categories, "categories is null"));
        requireNonNull(fires, "fires is null");
    }

    /** Fires when the boolean check is true. */
    static RiskRule whenTrue(String check, String detail, String... categories) {
        return new RiskRule(check, Set.of(categories), false, checks -> Boolean.TRUE.equals(checks.get(check)) ? Optional.of(detail) : Optional.empty());
    }

    /** Fires when the boolean check is true, under its own signal name. */
    static RiskRule whenCheckTrue(String name, String check, String detail, String... categories) {
        return new RiskRule(name, Set.of(categories), false, checks -> Boolean.TRUE.equals(checks.get(check)) ? Optional.of(detail) : Optional.empty());
    }

    /** Fires when the boolean check is true on an account seen before (a new account's first device is no signal). */
    static RiskRule whenTrueOnKnownAccount(String name, String check, String detail, String... categories) {
        return new RiskRule(name, Set.of(categories), true, checks -> Boolean.TRUE.equals(checks.get(check)) && Boolean.FALSE.equals(checks.get("is_new_user"))
                ? Optional.of(detail)
                : Optional.empty());
    }

    /**
     * Fires when the number check is at least {@code threshold} on a device new here ({@code is_new_device}:
     * to the account, or without one to the app): for a count that look-alike devices share, which says
     * something only of a device that has no history of its own yet.
     */
    static RiskRule atLeastOnNewDevice(String name, String check, long threshold, String... categories) {
        return new RiskRule(name, Set.of(categories), false,
                checks -> checks.get(check) instanceof Number n && n.longValue() >= threshold && Boolean.TRUE.equals(checks.get("is_new_device"))
                        ? Optional.of(check + " is " + n.longValue() + " (at least " + threshold + ") on a new device")
                        : Optional.empty());
    }

    /** Fires when the number check is at least {@code threshold}. */
    static RiskRule atLeast(String name, String check, long threshold, String... categories) {
        return new RiskRule(name, Set.of(categories), false, checks -> checks.get(check) instanceof Number n && n.longValue() >= threshold
                ? Optional.of(check + " is " + n.longValue() + " (at least " + threshold + ")")
                : Optional.empty());
    }
}
