package io.seatguard.server.challenge;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The CLDR plural category of a whole count, for exactly the languages of {@link ChallengeTexts#SUPPORTED}.
 *
 * <p>Why a table and not ICU4J's {@code PluralRules}: the pages need four languages and whole counts
 * only (minutes, seconds, devices), and the ICU4J jar is about 14.6 MB, more than the rest of what
 * the pages use. The rules below are CLDR's cardinal rules ({@code common/supplemental/plurals.xml},
 * https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html) with the
 * operands of a whole number: {@code n = i}, no visible fraction digits ({@code v = 0}) and no
 * compact exponent ({@code e = 0}). {@code PluralCategoryTest} checks them against CLDR's own
 * example numbers. A language added to the pages needs its row here.
 */
public enum PluralCategory {
    ZERO, ONE, TWO, FEW, MANY, OTHER;

    /** The name messages use for the category: CLDR's ({@code zero}, {@code one}, … {@code other}). */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The category {@code count} takes in {@code locale}'s language; a language without a row gets English's. */
    public static PluralCategory of(Locale locale, long count) {
        long n = Math.abs(count);
        return switch (locale.getLanguage()) {
            // ar: zero n = 0; one n = 1; two n = 2; few n % 100 = 3..10; many n % 100 = 11..99; other.
            case "ar" -> n == 0 ? ZERO
                    : n == 1 ? ONE
                    : n == 2 ? TWO
                    : n % 100 >= 3 && n % 100 <= 10 ? FEW
                    : n % 100 >= 11 ? MANY
                    : OTHER;
            // fr: one i = 0,1; many e = 0 and i != 0 and i % 1000000 = 0 and v = 0 ("un million de minutes"); other.
            case "fr" -> n <= 1 ? ONE : n % 1_000_000 == 0 ? MANY : OTHER;
            // es: one n = 1; many as French; other (0 is "0 minutos").
            case "es" -> n == 1 ? ONE : n != 0 && n % 1_000_000 == 0 ? MANY : OTHER;
            // en: one i = 1 and v = 0; other.
            default -> n == 1 ? ONE : OTHER;
        };
    }

    /** The categories {@code locale}'s language distinguishes, so a message can be checked for a misspelled or foreign one. */
    public static Set<PluralCategory> distinguishedIn(Locale locale) {
        return switch (locale.getLanguage()) {
            case "ar" -> EnumSet.allOf(PluralCategory.class);
            case "fr", "es" -> EnumSet.of(ONE, MANY, OTHER);
            default -> EnumSet.of(ONE, OTHER);
        };
    }
}
