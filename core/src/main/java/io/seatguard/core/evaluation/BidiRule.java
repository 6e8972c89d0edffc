package io.seatguard.core.evaluation;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * RFC 5893's Bidi rule for a domain name's labels, which IDNA2003 (java.net.IDN) lacks and IDNA2008,
 * registries and browsers apply (UTS 46's CheckBidi, in Chromium): a domain with right-to-left text
 * ({@code R}, {@code AL} or {@code AN} characters) in any label is valid only if every label keeps the
 * rule. Without it, {@code ١٢.example} (Arabic-Indic digits alone) or {@code x٣۳.example} was written in
 * A-label form and mailed to, though no such domain can be registered and no browser goes there.
 */
final class BidiRule {
    private BidiRule() {}

    /** Whether {@code domain} (Unicode labels, as IDN maps them) keeps the rule; a domain without right-to-left text always does. */
    static boolean holds(String domain) {
        List<int[]> labels = Stream.of(domain.split("\\.", -1)).filter(label -> !label.isEmpty())
                .map(label -> label.codePoints().map(Character::getDirectionality).toArray()).toList();
        boolean bidiDomain = labels.stream().flatMapToInt(IntStream::of).anyMatch(d -> d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC || d == Character.DIRECTIONALITY_ARABIC_NUMBER);
        return !bidiDomain || labels.stream().allMatch(BidiRule::labelHolds);
    }

    /** Rules 1 to 6 of RFC 5893, section 2, on one label's bidirectional classes. */
    private static boolean labelHolds(int[] classes) {
        int first = classes[0];
        boolean rightToLeft = first == Character.DIRECTIONALITY_RIGHT_TO_LEFT || first == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
        if (!rightToLeft && first != Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
            return false; // 1
        }
        int last = classes.length - 1;
        while (last > 0 && classes[last] == Character.DIRECTIONALITY_NONSPACING_MARK) {
            last--;
        }
        boolean european = false;
        boolean arabic = false;
        for (int c : classes) {
            boolean allowed = switch (c) {
                case Character.DIRECTIONALITY_EUROPEAN_NUMBER, Character.DIRECTIONALITY_EUROPEAN_NUMBER_SEPARATOR,
                        Character.DIRECTIONALITY_COMMON_NUMBER_SEPARATOR, Character.DIRECTIONALITY_EUROPEAN_NUMBER_TERMINATOR,
                        Character.DIRECTIONALITY_OTHER_NEUTRALS, Character.DIRECTIONALITY_BOUNDARY_NEUTRAL, Character.DIRECTIONALITY_NONSPACING_MARK -> true;
                case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC, Character.DIRECTIONALITY_ARABIC_NUMBER ->
                        rightToLeft;
                case Character.DIRECTIONALITY_LEFT_TO_RIGHT -> !rightToLeft;
                default -> false;
            };
            if (!allowed) {
                return false; // 2 and 5
            }
            european |= c == Character.DIRECTIONALITY_EUROPEAN_NUMBER;
            arabic |= c == Character.DIRECTIONALITY_ARABIC_NUMBER;
        }
        int end = classes[last];
        if (rightToLeft) {
            // 3, and 4: European and Arabic digits are not mixed.
            return (end == Character.DIRECTIONALITY_RIGHT_TO_LEFT || end == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC
                    || end == Character.DIRECTIONALITY_EUROPEAN_NUMBER || end == Character.DIRECTIONALITY_ARABIC_NUMBER) && !(european && arabic);
        }
        return end == Character.DIRECTIONALITY_LEFT_TO_RIGHT || end == Character.DIRECTIONALITY_EUROPEAN_NUMBER; // 6
    }
}
