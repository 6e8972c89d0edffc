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
