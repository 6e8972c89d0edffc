package io.seatguard.sdk;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The personal values the caller gave one call (an account id, an email, a phone number, an address, list
 * values), so that an error answer repeating one does not carry it into the exception's message, and from
 * there into the app's log. Seatguard names the account it did not find ({@code 404 … user
 * mia@example.com was not found}), cut at 64 characters as it cuts every value it repeats; each is masked
 * as {@link Redacted} shows it ({@code m***@example.com}, or {@code (hidden)}).
 */
final class CallerValues {
    static final CallerValues NONE = new CallerValues(List.of());
    /** How long a value the server repeats whole; a longer one it cuts to this and an ellipsis. */
    private static final int SERVER_CUT = 64;

    /** Longest first, so a value holding another is masked whole. */
    private final List<String> values;

    private CallerValues(List<String> values) {
        this.values = values;
    }

    static CallerValues of(Collection<String> values) {
        return new CallerValues(values.stream().filter(Objects::nonNull).filter(value -> !value.isBlank()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList());
    }

    static CallerValues of(String... values) {
        return of(java.util.Arrays.asList(values));
    }

    /**
     * The text with each value, and the server's cut form of a long one, masked where it stands as a word
     * of its own (between spaces, quotes, brackets or punctuation): an account id {@code a} leaves the
     * {@code a} of "was" alone.
     */
    String masked(String text) {
        if (text == null || values.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String value : values) {
            String repeated = value.length() > SERVER_CUT ? value.substring(0, SERVER_CUT) : value;
            // A plain search first: a list call may give 10,000 values, and hardly any is repeated.
            if (!masked.contains(repeated)) {
                continue;
            }
            String shown = Matcher.quoteReplacement(Redacted.echoed(value));
            if (value.length() > SERVER_CUT) {
                masked = word(repeated + "…").matcher(masked).replaceAll(shown);
            }
            masked = word(value).matcher(masked).replaceAll(shown);
        }
        return masked;
    }

    private static Pattern word(String value) {
        return Pattern.compile("(?<![^\\s\"'(\\[{<,;])" + Pattern.quote(value) + "(?![^\\s\"')\\]}>,;:.!?])");
    }
}
