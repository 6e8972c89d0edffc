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

    public static String oneLine(String text) {
        if (text == null || text.codePoints().noneMatch(LogText::isControl)) {
            return text;
        }
        StringBuilder line = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> line.append(isControl(c) ? String.format("\\u%04x", c) : Character.toString(c)));
        return line.toString();
    }
}
