package io.seatguard.core.intel;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The country codes geolocation reports: ISO 3166-1 alpha-2 codes that are assigned, as the JDK knows
 * them, and {@code XK}, which the geolocation databases (MaxMind, DB-IP) give Kosovo though ISO has not
 * assigned it. A list or a condition holding any other pair of letters ({@code UK}, {@code EU}) could
 * never match, so it is refused where it is written.
 */
public final class CountryCodes {
    private static final Set<String> KNOWN = known();
    /** Codes people write for a country whose ISO code is another. */
    private static final Map<String, String> MISTAKEN = Map.of("UK", "GB", "EL", "GR");

    private CountryCodes() {}

    /**
     * The code in upper case, when it is one geolocation can report. ASCII letters only: upper-casing
     * alone would read {@code "ıt"} (dotless i) as {@code IT} and {@code "ſe"} (long s) as {@code SE}.
     */
    public static Optional<String> normalize(String code) {
        if (code.length() != 2 || !code.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
            return Optional.empty();
        }
        String upper = code.toUpperCase(Locale.ROOT);
        return KNOWN.contains(upper) ? Optional.of(upper) : Optional.empty();
    }

    /** What a person is told when {@code code} is refused: a hint when it is a known mistake ("UK" for "GB"). */
    public static String expectation(String code) {
        String upper = code.strip().toUpperCase(Locale.ROOT);
        String rule = "a two-letter ISO 3166-1 country code that is assigned, such as \"US\"";
        return MISTAKEN.containsKey(upper) ? rule + "; for " + upper + " write \"" + MISTAKEN.get(upper) + "\"" : rule;
    }

    private static Set<String> known() {
        Set<String> codes = new java.util.HashSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
        codes.add("XK");
        return Set.copyOf(codes);
    }
}
