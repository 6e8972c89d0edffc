package io.seatguard.core.risk;

import io.seatguard.core.settings.CommaSeparatedEntries;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Points per risk signal, 0–100 each (0 turns a signal off). The defaults are documented in
 * docs/risk.md; an operator overrides any of them with {@code --risk-weights name=points,…}.
 */
public final class RiskWeights {
    public static final List<String> CATEGORIES = List.of("account_sharing", "ato");

    /** Every signal the scorer knows, in report order. */
    static final List<RiskRule> RULES = List.of(
            RiskRule.whenTrue("concurrent_sessions", "another session of the account is live on another network, same device type", "account_sharing"),
            RiskRule.whenTrue("impossible_travel", "consecutive places too far apart for the time between them", "account_sharing", "ato"),
            RiskRule.whenTrue("token_mismatch", "a device token was shown by another device", "account_sharing", "ato"),
            RiskRule.atLeast("many_devices", "device_count", 5, "account_sharing"),
            RiskRule.whenTrueOnKnownAccount("new_device", "is_new_device", "first time this device is seen on a known account", "ato"),
            RiskRule.whenTrueOnKnownAccount("new_ip", "is_new_ip", "first time this IP address (for IPv6, its /64) is seen on a known account", "ato"),
            RiskRule.whenTrueOnKnownAccount("new_country", "is_new_country", "first time this country is seen on a known account", "account_sharing", "ato"),
            RiskRule.atLeast("many_countries", "country_count_24h", 3, "account_sharing"),
            RiskRule.whenCheckTrue("ip_tor", "ip_is_tor", "the address is a Tor exit", "ato"),
            RiskRule.whenCheckTrue("ip_proxy", "ip_is_proxy", "the browser's own network differs from the address it called from (proxy)", "account_sharing", "ato"),
            RiskRule.whenCheckTrue("ip_vpn", "ip_is_vpn", "the address is a VPN exit", "account_sharing", "ato"),
            RiskRule.whenCheckTrue("ip_hosting", "ip_is_hosting", "the address is in a data centre", "ato"),
            // Only on a device new here: look-alike units of a common model share the fingerprint, so on every
            // evaluation it fired for 39 % of the generated population's (docs/benchmarks.md), on new devices
            // for 1 %; a browser clearing its storage before each account it tries is a new device each time.
            RiskRule.atLeastOnNewDevice("shared_fingerprint", "fingerprint_user_count", 3, "ato"),
            RiskRule.atLeast("shared_device", "device_user_count", 3, "ato"),
            RiskRule.whenCheckTrue("high_velocity", "has_high_velocity", "many evaluations of the account in a short time", "ato"));

    private static final Map<String, Integer> DEFAULTS = Map.ofEntries(
            Map.entry("concurrent_sessions", 40),
            Map.entry("impossible_travel", 40),
            Map.entry("token_mismatch", 30),
            Map.entry("many_devices", 20),
            Map.entry("new_device", 10),
            Map.entry("new_ip", 5),
            Map.entry("new_country", 10),
            Map.entry("many_countries", 20),
            Map.entry("ip_tor", 30),
            Map.entry("ip_proxy", 15),
            Map.entry("ip_vpn", 10),
            Map.entry("ip_hosting", 15),
            Map.entry("shared_fingerprint", 15),
            Map.entry("shared_device", 15),
            Map.entry("high_velocity", 15));

    /** The signals' names in report order, as docs/risk.md lists them: DEFAULTS' own order is its hash's, a new one at each start. */
    private static final List<String> NAMES = RULES.stream().map(RiskRule::name).toList();

    private final Map<String, Integer> points;

    private RiskWeights(Map<String, Integer> points) {
        this.points = Map.copyOf(points);
    }

    public static RiskWeights defaults() {
        return new RiskWeights(DEFAULTS);
    }

    /**
     * The defaults with some weights replaced, from {@code name=points,…}. Spaces around a name or its points
     * are dropped; an empty entry ({@code a=1,,b=2}, a trailing comma), an unknown name, a name given twice, and
     * points that are not a whole number from 0 to 100 are refused (docs/risk.md).
     */
    public static RiskWeights parse(String overrides) {
        Map<String, Integer> points = new LinkedHashMap<>(DEFAULTS);
        if (overrides == null || overrides.isBlank()) {
            return new RiskWeights(points);
        }
        Set<String> named = new HashSet<>();
        for (String pair : CommaSeparatedEntries.of(overrides, "name=points")) {
            String[] parts = pair.trim().split("=", 2);
            if (parts.length != 2 || !DEFAULTS.containsKey(parts[0].trim())) {
                throw new IllegalArgumentException("risk weight '" + pair.trim() + "' must be name=points with a name among " + NAMES);
            }
            if (!named.add(parts[0].trim())) {
                // The last would win without a word: which of the two the operator meant is theirs to say.
                throw new IllegalArgumentException("risk weight " + parts[0].trim() + " is given twice: give each signal once");
            }
            int value;
            try {
                value = Integer.parseInt(parts[1].trim());
            }
            catch (NumberFormatException e) {
                throw new IllegalArgumentException("risk weight '" + pair.trim() + "' must have whole points from 0 to 100");
            }
            if (value < 0 || value > 100) {
                throw new IllegalArgumentException("risk weight '" + pair.trim() + "' must have points from 0 to 100");
            }
            points.put(parts[0].trim(), value);
        }
        return new RiskWeights(points);
    }

    public int points(String signal) {
        return points.getOrDefault(signal, 0);
    }

    public Map<String, Integer> asMap() {
        return points;
    }

    /** Two sets of settings with the same values are the same settings (configurations compare by value). */
    @Override
    public boolean equals(Object other) {
        return other instanceof RiskWeights that && points.equals(that.points);
    }

    @Override
    public int hashCode() {
        return points.hashCode();
    }
}
