package io.seatguard.server.challenge;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of the hosted pages and of verification messages, in English, French, Spanish and Arabic
 * ({@code challenge/messages*.properties}); English is the fallback for any other language. A count
 * takes its language's plural form through the messages' plural blocks ({@link PluralPatterns}).
 */
public final class ChallengeTexts {
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("es"), Locale.forLanguageTag("ar"));

    private final ResourceBundle bundle;
    private final Locale locale;

    private ChallengeTexts(Locale locale) {
        this.locale = locale;
        // The root bundle is English; never fall back to the JVM's default locale.
        this.bundle = ResourceBundle.getBundle("challenge.messages", locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static ChallengeTexts of(Locale locale) {
        return new ChallengeTexts(supported(locale));
    }

    /**
     * The language for a request: an explicit {@code lang} wins, then the browser's
     * {@code Accept-Language} preferences, then English.
     */
    public static Locale choose(String lang, String acceptLanguage) {
        if (lang != null && !lang.isBlank()) {
            Locale asked = Locale.forLanguageTag(lang.trim());
            if (isSupported(asked)) {
                return supported(asked);
            }
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
                if (best != null) {
                    return best;
                }
            }
            catch (IllegalArgumentException e) {
                // A malformed header is as good as none.
            }
        }
        return Locale.ENGLISH;
    }

    private static boolean isSupported(Locale locale) {
        return SUPPORTED.stream().anyMatch(supported -> supported.getLanguage().equals(locale.getLanguage()));
    }

    private static Locale supported(Locale locale) {
        return SUPPORTED.stream().filter(supported -> supported.getLanguage().equals(locale.getLanguage())).findFirst().orElse(Locale.ENGLISH);
    }

    public Locale locale() {
        return locale;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public String get(String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        }
        catch (MissingResourceException e) {
            return key;
        }
        // Plural blocks first (MessageFormat cannot choose by CLDR category), then MessageFormat for the rest.
        return arguments.length == 0 ? pattern : new MessageFormat(PluralPatterns.select(pattern, locale, arguments), locale).format(arguments);
    }
}
