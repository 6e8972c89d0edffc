package io.seatguard.sdk;

/**
 * Half a UTF-16 surrogate pair in a JSON body, written as its JSON escape before the body is encoded.
 * UTF-8 cannot encode half a pair, and the JDK's encoder writes {@code ?} in its place, so a body naming
 * the account "a" followed by a lone U+D800 was sent as naming the account {@code a?} (found in review:
 * the evaluation was recorded for that other account). Escaped, the body says what the caller gave, and
 * the server refuses it naming the field, as it refuses the same text from any client.
 */
final class LoneSurrogates {
    private LoneSurrogates() {}

    /**
     * {@code json} with each half pair written as its six-character JSON escape (a backslash, {@code u} and four
     * hex digits); the same instance when it holds none.
     * JSON's own syntax is ASCII, so a surrogate can only stand inside a string, where its escape means the
     * same character.
     */
    static String escaped(String json) {
        StringBuilder out = null;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1));
            if (pair) {
                if (out != null) {
                    out.append(c).append(json.charAt(i + 1));
                }
                i++;
            }
            else if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(json.length() + 8).append(json, 0, i);
                }
                out.append(String.format("\\u%04x", (int) c));
            }
            else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? json : out.toString();
    }

    /** Whether {@code text} holds half a pair: a high surrogate not followed by a low one, or a low one not after a high one. */
    static boolean present(String text) {
        return escaped(text) != text;
    }
}
