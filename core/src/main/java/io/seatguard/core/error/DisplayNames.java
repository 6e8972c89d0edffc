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
            + " U+FEFF, U+180E and the like; U+200C and U+200D only where they shape what is written: after a virama, between two"
            + " letters of a joining script, in an emoji sequence): a name holding them looks like one without";
    private static final int ZWNJ = 0x200C;
    private static final int ZWJ = 0x200D;
    /** Scripts whose letters join: a zero-width non-joiner between two of them changes how they are drawn (Persian, for one). */
    private static final Set<Character.UnicodeScript> JOINING = Set.of(Character.UnicodeScript.ARABIC, Character.UnicodeScript.SYRIAC,
            Character.UnicodeScript.NKO, Character.UnicodeScript.MONGOLIAN, Character.UnicodeScript.MANDAIC, Character.UnicodeScript.MANICHAEAN,
            Character.UnicodeScript.PSALTER_PAHLAVI, Character.UnicodeScript.ADLAM, Character.UnicodeScript.HANIFI_ROHINGYA,
            Character.UnicodeScript.SOGDIAN, Character.UnicodeScript.PHAGS_PA);
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
        // Except the joiners where they change what is drawn (RFC 5892's CONTEXTJ, and emoji sequences):
        // Persian and the Indic scripts need them, and there a name without them reads differently.
        for (int i = 0; i < stripped.length(); i += Character.charCount(stripped.codePointAt(i))) {
            int c = stripped.codePointAt(i);
            if (isFormat(c) && !joinerInItsPlace(stripped, i)) {
                return Optional.of(INVISIBLE);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the character at {@code index} is a zero-width joiner or non-joiner that shapes the text
     * around it: either one after a virama (an Indic consonant cluster's form); a non-joiner between two
     * letters of one joining script (marks on the first skipped); a joiner between two pictographs of an
     * emoji sequence (skin tones and the emoji presentation selector on the first skipped). Elsewhere it
     * changes nothing that shows.
     */
    private static boolean joinerInItsPlace(String text, int index) {
        int joiner = text.codePointAt(index);
        if ((joiner != ZWNJ && joiner != ZWJ) || index == 0 || index + 1 >= text.length()) {
            return false;
        }
        int before = text.codePointBefore(index);
        int after = text.codePointAt(index + 1);
        if (isVirama(before)) {
            return Character.isLetter(after);
        }
        if (joiner == ZWNJ) {
            int base = index;
            while (base > 0 && Character.getType(text.codePointBefore(base)) == Character.NON_SPACING_MARK) {
                base -= Character.charCount(text.codePointBefore(base));
            }
            if (base == 0) {
                return false;
            }
            int letter = text.codePointBefore(base);
            Character.UnicodeScript script = Character.UnicodeScript.of(letter);
            return Character.isLetter(letter) && Character.isLetter(after) && JOINING.contains(script) && Character.UnicodeScript.of(after) == script;
        }
        int base = index;
        while (base > 0 && isEmojiModifierOrSelector(text.codePointBefore(base))) {
            base -= Character.charCount(text.codePointBefore(base));
        }
        return base > 0 && Character.isExtendedPictographic(text.codePointBefore(base)) && Character.isExtendedPictographic(after);
    }

    /** A virama (Unicode's combining class 9) by its name, as the JDK does not give the class: Devanagari's, Bengali's, Tamil's… */
    private static boolean isVirama(int c) {
        if (Character.getType(c) != Character.NON_SPACING_MARK && Character.getType(c) != Character.COMBINING_SPACING_MARK) {
            return false;
        }
        String name = Character.getName(c);
        return name != null && (name.contains("VIRAMA") || name.endsWith("SIGN ASAT") || name.endsWith("SIGN COENG") || name.endsWith("SIGN SAKOT"));
    }

    private static boolean isEmojiModifierOrSelector(int c) {
        return c == 0xFE0F || Character.isEmojiModifier(c);
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
