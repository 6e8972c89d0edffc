package io.seatguard.sdk;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The personal values the caller gave one call (an account id, an email, a phone number, an address, list
 * values), so that an error answer repeating one does not carry it into the exception's message, and from
 * there into the app's log. Seatguard names the account it did not find ({@code 404 … user
 * mia@example.com was not found}), cut at 64 characters as it cuts every value it repeats, and a list's
 * faulty value as it read it, trimmed ({@code Cidr.fault}); each is masked as {@link Redacted} shows it
 * ({@code m***@example.com}, or {@code (hidden)}).
 *
 * <p>One pass over the text, looking each word-delimited stretch up in a map: a list call gives up to
 * 10,000 values and its 400 up to 10,000 field errors, and a search for every value in every message
 * (as a regex per value did) took seconds for one exception.
 */
final class CallerValues {
    static final CallerValues NONE = new CallerValues(Map.of());
    /** How long a value the server repeats whole; a longer one it cuts to this and an ellipsis ({@code Problems.abbreviate}). */
    private static final int SERVER_CUT = 64;
    /** What may stand before a value that is a word of its own: whitespace, a quote, an opening bracket, a separator. */
    private static final String BEFORE = " \t\n\u000B\f\r\"'([{<,;";
    /** What may stand after one: whitespace, a quote, a closing bracket, punctuation. */
    private static final String AFTER = " \t\n\u000B\f\r\"')]}>,;:.!?";

    /** Each form an answer may repeat a value in, and how the value is shown instead. */
    private final Map<String, String> masks;
    /** The distinct lengths of those forms, longest first: only stretches of those lengths are looked up. */
    private final int[] lengths;

    private CallerValues(Map<String, String> masks) {
        this.masks = masks;
        this.lengths = masks.keySet().stream().mapToInt(String::length).distinct().map(length -> -length).sorted().map(length -> -length).toArray();
    }

    static CallerValues of(Collection<String> values) {
        Map<String, String> masks = new HashMap<>();
        for (String value : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            // Trimmed as the server trims a value it quotes back (String.trim, as Cidr.fault does).
            String trimmed = value.trim();
            String shown = Redacted.echoed(trimmed);
            for (String form : new String[] {value, trimmed}) {
                masks.putIfAbsent(form, shown);
                if (form.length() > SERVER_CUT) {
                    String cut = form.substring(0, SERVER_CUT);
                    masks.putIfAbsent(cut + "…", shown);
                    if (Character.isHighSurrogate(cut.charAt(SERVER_CUT - 1))) {
                        // A server of this release cuts before an emoji's pair rather than split it; one
                        // before it cut at 64 UTF-16 units, and the lone half reached the answer as the '?'
                        // its UTF-8 encoder writes for it.
                        masks.putIfAbsent(cut.substring(0, SERVER_CUT - 1) + "…", shown);
                        masks.putIfAbsent(cut.substring(0, SERVER_CUT - 1) + "?…", shown);
                    }
                }
            }
        }
        return masks.isEmpty() ? NONE : new CallerValues(masks);
    }

    static CallerValues of(String... values) {
        return of(java.util.Arrays.asList(values));
    }

    /**
     * The text with each value, and the server's cut form of a long one, masked where it stands as a word
     * of its own (between spaces, quotes, brackets or punctuation): an account id {@code a} leaves the
     * {@code a} of "was" alone. Where values overlap the longest from the leftmost start is masked.
     */
    String masked(String text) {
        if (text == null || masks.isEmpty()) {
            return text;
        }
        StringBuilder masked = null;
        int copied = 0;
        int at = 0;
        while (at < text.length()) {
            int end = at == 0 || BEFORE.indexOf(text.charAt(at - 1)) >= 0 ? longestFormAt(text, at) : -1;
            if (end < 0) {
                at++;
                continue;
            }
            if (masked == null) {
                masked = new StringBuilder(text.length());
            }
            masked.append(text, copied, at).append(masks.get(text.substring(at, end)));
            copied = end;
            at = end;
        }
        return masked == null ? text : masked.append(text, copied, text.length()).toString();
    }

    /** The end of the longest form starting at {@code start} and ending where a word may, or -1. */
    private int longestFormAt(String text, int start) {
        for (int length : lengths) {
            int end = start + length;
            if (end <= text.length() && (end == text.length() || AFTER.indexOf(text.charAt(end)) >= 0) && masks.containsKey(text.substring(start, end))) {
                return end;
            }
        }
        return -1;
    }
}
