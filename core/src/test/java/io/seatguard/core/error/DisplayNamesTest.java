package io.seatguard.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one rule for the names of policies and apps. */
class DisplayNamesTest {
    /**
     * Review finding: a name of no-break spaces (not whitespace to {@code isBlank}) was taken, and so were
     * zero-width and other invisible formatting characters (Unicode's Cf), though direction marks are
     * refused so that two names cannot look alike.
     */
    @Test
    void aNameOfNothingVisibleIsBlank() {
        for (String blank : List.of("", " ", "\u00A0", "\u00A0\u00A0", "\u2007\u202F", "\u3000", "\u200B", "\uFEFF", "\u180E", " \u200D ", "\u3164",
                "\u115F\u1160", "\u2800")) {
            assertThat(DisplayNames.fault(blank, 100)).as(escaped(blank)).hasValue(DisplayNames.BLANK);
        }
    }

    @Test
    void anInvisibleFormattingCharacterIsRefused() {
        for (String lookalike : List.of("Block\u200Bsharing", "Block\u200Dsharing", "\uFEFFBlock sharing", "Block\u180E sharing", "Block\u2060sharing",
                "Block\u00ADsharing", "Block sharing\u200B")) {
            assertThat(DisplayNames.fault(lookalike, 100)).as(escaped(lookalike)).hasValue(DisplayNames.INVISIBLE);
        }
        // Direction marks keep their own message: they are format characters too.
        assertThat(DisplayNames.fault("Allow \u202Eelbuod", 100)).hasValue(LogText.UNFIT_NAME);
        assertThat(DisplayNames.fault("Allow\u200E", 100)).hasValue(LogText.UNFIT_NAME);
    }

    /**
     * Refusing every Cf character refused names that need a joiner (noted in review): Persian writes a
     * non-joiner between letters, the Indic scripts a joiner or non-joiner after a virama, emoji sequences
     * a joiner. There they are taken; anywhere else, where they change nothing visible, still refused.
     */
    @Test
    void aJoinerIsTakenWhereItShapesTheTextAndRefusedElsewhere() {
        for (String written : List.of("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645", "\u0928\u093F\u0930\u094D\u200D\u092E",
                "\u0915\u094D\u200C\u0937", "Team \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "\uD83D\uDC4B\uD83C\uDFFD\u200D\u2764\uFE0F",
                "\u2764\uFE0F\u200D\uD83D\uDD25 fans", "\u0628\u064E\u200C\u0628")) {
            assertThat(DisplayNames.fault(written, 100)).as(escaped(written)).isEmpty();
        }
        for (String lookalike : List.of("Block\u200Csharing", "Block\u200Dsharing", "\u200C\u0628\u0628", "\u0628\u0628\u200C", "\u0628\u200DA",
                "\u0628\u200CA", "\u0628\u200C\u200C\u0628", "\u0915\u094D\u200C", "\uD83D\uDE00\u200Dx", "a\u200D\uD83D\uDE00",
                "\u0628\u200D\u0628", "\u0928\u200C\u092E")) {
            assertThat(DisplayNames.fault(lookalike, 100)).as(escaped(lookalike)).hasValue(DisplayNames.INVISIBLE);
        }
    }

    @Test
    void aNameIsKeptWithoutTheSpacesAroundItUnicodesToo() {
        assertThat(DisplayNames.fault("\u00A0Block sharing\u00A0", 100)).isEmpty();
        assertThat(DisplayNames.stripped("\u00A0 Block\u00A0sharing \u3000")).isEqualTo("Block\u00A0sharing");
        assertThat(DisplayNames.stripped("  Shop  ")).isEqualTo("Shop");
        assertThat(DisplayNames.fault("\u00A0" + "n".repeat(100) + "\u00A0", 100)).as("counted once stripped").isEmpty();
        for (String taken : List.of("Block sharing", "حظر المشاركة", "Caf\u00E9", "\uD83D\uDE00 grin", "日本語")) {
            assertThat(DisplayNames.fault(taken, 100)).as(taken).isEmpty();
        }
    }

    private static String escaped(String text) {
        StringBuilder escaped = new StringBuilder();
        text.codePoints().forEach(c -> escaped.append(c < 0x80 ? Character.toString(c) : String.format("\\u%04X", c)));
        return escaped.toString();
    }
}
