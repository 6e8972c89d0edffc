package io.seatguard.core.pattern;

import io.seatguard.core.account.AccountState;
import io.seatguard.core.checks.FingerprintUserCountCheck;
import io.seatguard.core.settings.CommaSeparatedEntries;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The value at which each pattern becomes suspicious and dangerous. Defaults: many_devices 5 / 10,
 * multiple_countries 3 / 5, new_device_new_country 1 / 3 occurrences, many_accounts_on_device 3 / 6.
 */
public final class PatternThresholds {
    /** One pattern's two thresholds. */
    public record Pair(long suspicious, long dangerous) {
        public Pair {
            if (suspicious < 1 || dangerous < suspicious) {
                throw new IllegalArgumentException("thresholds must be 1 <= suspicious <= dangerous, not " + suspicious + "/" + dangerous);
            }
        }
    }

    public static final PatternThresholds DEFAULTS = new PatternThresholds(Map.of(
            PatternKind.MANY_DEVICES, new Pair(5, 10),
            PatternKind.MULTIPLE_COUNTRIES, new Pair(3, 5),
            PatternKind.NEW_DEVICE_NEW_COUNTRY, new Pair(1, 3),
            PatternKind.MANY_ACCOUNTS_ON_DEVICE, new Pair(3, 6)));

    private final Map<PatternKind, Pair> pairs;

    private PatternThresholds(Map<PatternKind, Pair> pairs) {
        this.pairs = new EnumMap<>(pairs);
    }

    public Pair of(PatternKind kind) {
        return pairs.get(kind);
    }

    /** The level a value reaches, if any. */
    public Optional<PatternLevel> levelOf(PatternKind kind, long value) {
        Pair pair = pairs.get(kind);
        if (value >= pair.dangerous()) {
            return Optional.of(PatternLevel.DANGEROUS);
        }
        return value >= pair.suspicious() ? Optional.of(PatternLevel.SUSPICIOUS) : Optional.empty();
    }

    /** The highest value a pattern's check reports: the counts stop at their limits. */
    static long highestValue(PatternKind kind) {
        return switch (kind) {
            case MANY_DEVICES -> AccountState.DEVICE_LIMIT;
            case MANY_ACCOUNTS_ON_DEVICE -> FingerprintUserCountCheck.LIMIT;
            case MULTIPLE_COUNTRIES, NEW_DEVICE_NEW_COUNTRY -> Long.MAX_VALUE;
        };
    }

    /**
     * The defaults with the given overrides, written {@code many_devices=5:10,multiple_countries=3:5}. An
     * empty entry (a trailing comma) is refused, as {@code --risk-weights}' is.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static PatternThresholds parse(String text) {
        Map<PatternKind, Pair> pairs = new EnumMap<>(DEFAULTS.pairs);
        if (text == null || text.isBlank()) {
            return new PatternThresholds(pairs);
        }
        Set<PatternKind> named = EnumSet.noneOf(PatternKind.class);
        for (String item : CommaSeparatedEntries.of(text, "pattern=suspicious:dangerous")) {
            String[] parts = item.trim().split("=", 2);
            PatternKind kind = parts.length == 2 ? PatternKind.fromWireName(parts[0].trim()).orElse(null) : null;
            if (kind == null) {
                throw new IllegalArgumentException("'" + item.trim() + "' is not pattern=suspicious:dangerous with a pattern of "
                        + "many_devices, multiple_countries, new_device_new_country, many_accounts_on_device");
            }
            if (!named.add(kind)) {
                // The last would win without a word: which of the two the operator meant is theirs to say.
                throw new IllegalArgumentException(kind.wireName() + " is given twice: give each pattern once");
            }
            String[] values = parts[1].trim().split(":", 2);
            Pair pair;
            try {
                pair = new Pair(Long.parseLong(values[0].trim()), Long.parseLong(values[values.length - 1].trim()));
            }
            catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + item.trim() + "': thresholds must be whole numbers, like " + kind.wireName() + "=5:10");
            }
            long ceiling = highestValue(kind);
            if (pair.dangerous() > ceiling) {
                // A threshold above what the check can report would silently never flag.
                throw new IllegalArgumentException("'" + item.trim() + "': " + kind.wireName() + " is counted up to " + ceiling
                        + ", so a threshold above it is never reached");
            }
            pairs.put(kind, pair);
        }
        return new PatternThresholds(pairs);
    }

    /** Two sets of settings with the same values are the same settings (configurations compare by value). */
    @Override
    public boolean equals(Object other) {
        return other instanceof PatternThresholds that && pairs.equals(that.pairs);
    }

    @Override
    public int hashCode() {
        return pairs.hashCode();
    }
}
