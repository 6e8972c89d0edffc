package io.seatguard.core.error;

import java.util.Optional;
import java.util.Set;

/**
 * The rule for a name a person gives something that the dashboard shows and the logs name (a policy, an
 * app): not blank, at most so many characters once stripped, and nothing that forges a log line or
 * changes how the name reads on screen ({@link LogText#isUnfitForName}), nor anything invisible that makes
 * two names look alike. One rule, so the API and the dashboard, and policies and apps, refuse alike.
 */
public final class DisplayNames {
    /** What a name holding an invisible formatting character is told. */
    public static final String INVISIBLE = "must not contain invisible formatting characters (Unicode's category Cf: U+200B zero-width space,"
            + " U+200D zero-width joiner, U+FEFF, U+180E and the like): a name holding them looks like one without";
    /** What a name of nothing visible is told. */
    public static final String BLANK = "must be a non-blank string: spaces and invisible characters alone (U+00A0 no-break space, U+200B and the"
            + " like) are blank";
    /** Letters that show as nothing at all: the Hangul fillers and the blank braille pattern. */
    private static final Set<Integer> FILLERS = Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800);

    private DisplayNames() {}

    /** What is wrong with {@code name} (a string), or empty when it may be kept, {@link #stripped}. */
    public static Optional<String> fault(String name, int maxCharacters) {
        // Found in review: a name of no-break spaces (not whitespace to isBlank) was taken, and shown as nothing.
        if (name.codePoints().allMatch(c -> isSpace(c) || isFormat(c) || FILLERS.contains(c))) {
            return Optional.of(BLANK);
        }
        String stripped = stripped(name);
        // Characters, as the OpenAPI's maxLength and PostgreSQL's VARCHAR count them: an emoji is one, not two.
        if (stripped.codePointCount(0, stripped.length()) > maxCharacters) {
            return Optional.of("must be at most " + maxCharacters + " characters");
        }
        // Controls would let a name forge lines where it is logged (the start-up warnings name a policy, the
        // banner an app), and direction overrides would let it read on the dashboard as something it is not.
        if (LogText.isUnfitForName(stripped)) {
            return Optional.of(LogText.UNFIT_NAME);
        }
        // The other formatting characters show as nothing: "Block\u200Bsharing" reads as "Blocksharing", a
        // second policy or app named alike but another (found in review, refused as direction marks are).
        if (stripped.codePoints().anyMatch(DisplayNames::isFormat)) {
            return Optional.of(INVISIBLE);
        }
        return Optional.empty();
    }

    /** The name as it is kept: without the spaces around it, no-break spaces and other Unicode spaces too. */
    public static String stripped(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && isSpace(name.codePointAt(start))) {
            start += Character.charCount(name.codePointAt(start));
        }
        while (end > start && isSpace(name.codePointBefore(end))) {
            end -= Character.charCount(name.codePointBefore(end));
        }
        return name.substring(start, end);
    }

    private static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isFormat(int c) {
        return Character.getType(c) == Character.FORMAT;
    }
}
