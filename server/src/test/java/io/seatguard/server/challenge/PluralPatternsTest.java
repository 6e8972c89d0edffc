package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class PluralPatternsTest {
    private static final Locale AR = Locale.forLanguageTag("ar");

    @Test
    void replacesEachBlockByItsCategorysBranchWithTheCountAsAnArgument() {
        String pattern = "{0} for {1,plural,one{# minute}other{# minutes}}, then {2, plural, one {# try} other {# tries}}.";
        assertThat(PluralPatterns.select(pattern, Locale.ENGLISH, "Acme", 1, 5)).isEqualTo("{0} for {1} minute, then {2} tries.");
        assertThat(PluralPatterns.select(pattern, Locale.FRENCH, "Acme", 0, 1)).isEqualTo("{0} for {1} minute, then {2} try.");
    }

    @Test
    void aCategoryTheBlockLeavesOutTakesOther() {
        String pattern = "{0,plural,one{one}few{few}other{other}}";
        assertThat(PluralPatterns.select(pattern, AR, 105)).isEqualTo("few");
        assertThat(PluralPatterns.select(pattern, AR, 111)).isEqualTo("other");
        assertThat(PluralPatterns.select(pattern, AR, 0)).isEqualTo("other");
    }

    @Test
    void aBranchMayHoldOtherArguments() {
        assertThat(PluralPatterns.select("{1,plural,one{{0} has # device}other{{0} has # devices}}", Locale.ENGLISH, "Mia", 2))
                .isEqualTo("{0} has {1} devices");
    }

    @Test
    void aPatternWithoutBlocksIsUnchanged() {
        assertThat(PluralPatterns.select("Attempts left: {0}", Locale.ENGLISH, 3)).isEqualTo("Attempts left: {0}");
    }

    @Test
    void refusesMalformedBlocks() {
        assertThatThrownBy(() -> PluralPatterns.blocks("{0,plural,one{# minute}}")).hasMessageContaining("without an other branch");
        assertThatThrownBy(() -> PluralPatterns.blocks("{0,plural,one{# minute}other{# minutes}")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> PluralPatterns.blocks("{0,plural,one{# minute other{# minutes}}")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> PluralPatterns.blocks("{0,plural,other{a}other{b}}")).hasMessageContaining("twice");
        assertThatThrownBy(() -> PluralPatterns.select("{0,plural,other{#}}", Locale.ENGLISH, "five")).hasMessageContaining("must be a count");
    }
}
