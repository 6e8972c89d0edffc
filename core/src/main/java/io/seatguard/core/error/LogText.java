package io.seatguard.core.error;

/**
 * Text from a client made fit for one log line: control characters (line breaks among them, and the
 * Unicode line and paragraph separators) become {@code \\uXXXX} escapes, so a value cannot forge a log
 * line of its own.
 */
public final class LogText {
    private LogText() {}

    public static boolean isControl(int codePoint) {
        return Character.isISOControl(codePoint) || codePoint == 0x2028 || codePoint == 0x2029;
    }

    /**
     * The characters that reorder the text around them when it is shown (Unicode's bidirectional
     * embeddings, overrides and isolates, and the marks): in a name shown on the dashboard, U+202E would
     * make {@code "gnirahs kcolb"} read as {@code "block sharing"}. Letters of right-to-left scripts are not
     * among them; they order themselves.
     */
    public static boolean isDirectionControl(int codePoint) {
        return codePoint == 0x061C || codePoint == 0x200E || codePoint == 0x200F
                || (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    /** What a name refused by {@link #isUnfitForName} is told. */
    public static final String UNFIT_NAME = "must not contain control characters (line breaks, tabs and the like) or text-direction overrides";

    /** Whether a name (of a policy or an app) holds a character that could forge a log line or how it reads on screen. */
    public static boolean isUnfitForName(String name) {
        return name.codePoints().anyMatch(c -> isControl(c) || isDirectionControl(c));
    }

    public static String oneLine(String text) {
        if (text == null || text.codePoints().noneMatch(LogText::isControl)) {
            return text;
        }
        StringBuilder line = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> line.append(isControl(c) ? String.format("\\u%04x", c) : Character.toString(c)));
        return line.toString();
    }
}
