package io.seatguard.server.challenge;

import static java.util.Objects.requireNonNull;

import com.samskivert.mustache.Escapers;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of the hosted pages and of verification messages, in English, French, Spanish and Arabic
 * ({@code challenge/messages*.properties}); English is the fallback for any other language. A count
 * takes its language's plural form through the messages' plural blocks ({@link PluralPatterns}).
 */
public final class ChallengeTexts {
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("es"), Locale.forLanguageTag("ar"));

    /**
     * Stands in for an {@link Isolated} argument while the message is formatted and escaped: private-use
     * characters, which no message has and which {@link #html} replaces in every other argument.
     */
    private static final char MARK_START = '\uE000';
    private static final char MARK_END = '\uE001';
    private static final Pattern MARK = Pattern.compile(MARK_START + "(\\d+)" + MARK_END);

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
            Locale best = Locale.lookup(languageRanges(acceptLanguage), SUPPORTED);
            if (best != null) {
                return best;
            }
        }
        return Locale.ENGLISH;
    }

    /**
     * The header's ranges, each read on its own: one malformed element ({@code es;q=0.9;q=0.9}, as Chromium
     * sends when its language setting already names a weight) is left out, not the whole header with it,
     * which had a Spanish reader's notice go out in English. Their order by weight is the JDK's.
     */
    private static List<Locale.LanguageRange> languageRanges(String acceptLanguage) {
        List<Locale.LanguageRange> ranges = new ArrayList<>();
        for (String element : acceptLanguage.split(",")) {
            if (element.isBlank()) {
                continue;
            }
            try {
                ranges.addAll(Locale.LanguageRange.parse(element.strip()));
            }
            catch (IllegalArgumentException malformed) {
                // This element is as good as none; the others still count.
            }
        }
        ranges.sort(Comparator.comparingDouble(Locale.LanguageRange::getWeight).reversed());
        return ranges;
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

    /**
     * A name (an app's, a browser's) for plain text in this language: in a right-to-left language, in
     * U+2068 … U+2069 (a first-strong isolate), so that "Stream+ (EU) Ltd." in Arabic text does not read
     * ".Stream+ (EU) Ltd", nor bidi controls inside the name turn the words around it. Left-to-right
     * messages are left alone: an SMS in GSM-7 would otherwise go out in UCS-2, at twice the parts.
     */
    public String isolate(String name) {
        return "rtl".equals(get("dir")) ? "\u2068" + name + "\u2069" : name;
    }

    /** A message argument that {@link #html} sets apart in its own {@code <bdi>}: a name, in either direction. */
    public record Isolated(String text) {
        public Isolated {
            requireNonNull(text, "text is null");
        }
    }

    /**
     * The message as HTML: its words escaped, and each {@link Isolated} argument escaped in a
     * {@code <bdi>}, which keeps a name in its own direction whatever the page's ({@code <bdi>} is
     * {@code dir="auto"} by default). Other arguments are formatted as by {@link #get} and escaped.
     */
    public String html(String key, Object... arguments) {
        Object[] marked = new Object[arguments.length];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] instanceof Isolated name) {
                marked[i] = MARK_START + String.valueOf(names.size()) + MARK_END;
                names.add(name.text());
            }
            else {
                marked[i] = arguments[i] instanceof String text ? text.replace(MARK_START, '\uFFFD').replace(MARK_END, '\uFFFD') : arguments[i];
            }
        }
        String escaped = Escapers.HTML.escape(get(key, marked));
        return MARK.matcher(escaped).replaceAll(match -> Matcher.quoteReplacement(
                "<bdi>" + Escapers.HTML.escape(names.get(Integer.parseInt(match.group(1)))) + "</bdi>"));
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
